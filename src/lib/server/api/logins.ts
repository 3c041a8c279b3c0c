import { auth } from '../auth';
import type { NewLogin } from '../auth/types';

/**
 * Creates a login and then the database rows that give it a place at the school. If the
 * database refuses (username taken, not allowed), the login is undone so nothing half-made stays.
 */
export async function withNewLogin<T>(email: string, password: string, create: (login: NewLogin) => Promise<T>): Promise<T> {
	const login = await auth().prepareLogin(email, password);
	try {
		return await create(login);
	} catch (error) {
		await auth().discardLogin(login);
		throw error;
	}
}
