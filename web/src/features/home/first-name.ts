/**
 * Titles and honorifics people put before their name ("C.P. Ana Ruiz", "Lic. Jorge", "Dr. Smith"):
 * a greeting skips them. Compared without dots and case: "C.P.", "cp", "Dra" all match.
 */
const TITLES = new Set(
  [
    // Spanish
    'cp c p lic licda ing inga dr dra sr sra srta don doña mtro mtra arq prof profa',
    'contador contadora ingeniero ingeniera licenciado licenciada doctor doctora señor señora señorita',
    // English
    'mr mrs ms miss mx sir dame rev fr capt hon',
  ]
    .join(' ')
    .split(' '),
);

function isTitle(word: string): boolean {
  return TITLES.has(word.toLocaleLowerCase('es').replace(/[.,]/g, ''));
}

/** The name to greet someone by: the first word of their name that is not a title, else their e-mail. */
export function firstName(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.find((word) => !isTitle(word)) ?? words[0] ?? email;
}
