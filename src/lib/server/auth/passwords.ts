import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum settings: memory-hard, about 20 ms on a school server.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

// Verifying against this keeps a wrong email as slow as a wrong password (no account probing).
const DUMMY = hashPassword('not-a-real-password-0');

/** True when the password matches the stored hash; a missing hash costs the same time. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	try {
		if (!stored) {
			await verify(await DUMMY, password);
			return false;
		}
		return await verify(stored, password);
	} catch {
		return false;
	}
}
