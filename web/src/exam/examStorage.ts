// The exam in progress in this browser, so a reload or a return to the home page can resume it.
export const CURRENT_EXAM_KEY = "dt.exam.current";

export function currentExamId(): string | null {
  return localStorage.getItem(CURRENT_EXAM_KEY);
}

export function rememberExam(id: string): void {
  localStorage.setItem(CURRENT_EXAM_KEY, id);
}

export function forgetExam(id: string): void {
  if (localStorage.getItem(CURRENT_EXAM_KEY) === id) localStorage.removeItem(CURRENT_EXAM_KEY);
}
