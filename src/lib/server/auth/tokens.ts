import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (session cookie, invite link): 256 bits, URL-safe. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a database leak gives no working cookie or link. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A password a 12-year-old can type from a printed slip: two words and two digits. */
export function friendlyPassword(): string {
	const words = [
		'amber', 'banjo', 'cactus', 'comet', 'delta', 'ember', 'falcon', 'garden', 'harbor', 'island',
		'jungle', 'kayak', 'lemon', 'meadow', 'nectar', 'orbit', 'pepper', 'quartz', 'river', 'rocket',
		'saddle', 'tiger', 'tulip', 'violet', 'walnut', 'yonder', 'zebra', 'canyon', 'maple', 'pixel'
	];
	const pick = () => words[randomBytes(1)[0] % words.length];
	const digits = String(randomBytes(1)[0] % 100).padStart(2, '0');
	return `${pick()}-${pick()}-${digits}`;
}
