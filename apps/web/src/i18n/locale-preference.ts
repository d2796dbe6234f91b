import { api } from '../api/api-client';
import { sessionStore } from '../session/session.store';
import { applyLocale, type Locale } from './locale';

// A language picked on a public page (sign-in, invitation) before the person is known: saved once they are.
let chosenWhileSignedOut: Locale | null = null;

/** The language switch: a signed-in person's choice also sets the language of their mail (PATCH /me). */
export function chooseLocale(locale: Locale): void {
  applyLocale(locale);
  if (sessionStore.get().status === 'signed-in') void saveLocale(locale);
  else chosenWhileSignedOut = locale;
}

/** After sign-in: a choice just made on the sign-in page wins and is saved; otherwise the saved one applies. */
export async function settleLocaleAfterSignIn(saved: Locale): Promise<void> {
  const chosen = chosenWhileSignedOut;
  chosenWhileSignedOut = null;
  if (chosen && chosen !== saved) await saveLocale(chosen);
  else applyLocale(saved);
}

async function saveLocale(locale: Locale): Promise<void> {
  await api.PATCH('/api/v1/me', { body: { preferences: { locale } } });
}
