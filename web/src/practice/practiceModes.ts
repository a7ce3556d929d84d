// The practice modes offered on the home page and the practice hub, in one place.
import type { Translate } from "../i18n/i18n";
import type { CardLink } from "../ui/CardLinks";

export function practiceModes(t: Translate): CardLink[] {
  return [
    { to: "/practice/critical", label: t("practice.critical") },
    { to: "/practice/road-signs", label: t("practice.roadSigns") },
    { to: "/practice/random", label: t("practice.random") },
  ];
}
