// The realm's password policy (docs/identity.md), checked before asking the server, so the form can say what
// is missing as the user types.
import type { MessageKey } from "../i18n/messages.en";

export function passwordProblems(password: string, username: string, email: string): MessageKey[] {
  const problems: MessageKey[] = [];
  if ([...password].length < 10) problems.push("password.rule.length");
  if (!/[0-9]/.test(password)) problems.push("password.rule.digit");
  if (!/\p{Lu}/u.test(password)) problems.push("password.rule.upper");
  const lower = password.toLowerCase();
  if ((username && lower === username.toLowerCase()) || (email && lower === email.toLowerCase()))
    problems.push("password.rule.notName");
  return problems;
}
