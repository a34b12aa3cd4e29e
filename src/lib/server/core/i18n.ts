import es from '../../../../messages/es.json' with { type: 'json' };
import en from '../../../../messages/en.json' with { type: 'json' };
import fr from '../../../../messages/fr.json' with { type: 'json' };
import pt from '../../../../messages/pt.json' with { type: 'json' };
import { createTranslator, type Locale, type Messages, type Translator } from '../../shared/i18n.ts';

export const messagesByLocale: Record<Locale, Messages> = { es, en, fr, pt };

export function messagesFor(locale: Locale): Messages {
	return messagesByLocale[locale];
}

export function translatorFor(locale: Locale): Translator {
	return createTranslator(locale, messagesByLocale[locale]);
}
