// A list of large links (home page shortcuts, practice modes).
import { Link } from "react-router";

export interface CardLink {
  to: string;
  label: string;
}

export function CardLinks({ links }: { links: CardLink[] }) {
  return (
    <ul className="card-links">
      {links.map((link) => (
        <li key={link.to}>
          <Link to={link.to}>{link.label}</Link>
        </li>
      ))}
    </ul>
  );
}
