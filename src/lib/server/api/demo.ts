import { z } from 'zod';
import { db } from '../db';
import { role } from './shapes';

const persona = z.object({
	user_id: z.uuid(),
	display_name: z.string(),
	roles: z.array(role),
	languages: z.array(z.string())
});
export type DemoPersona = z.infer<typeof persona>;

/** The demo school's one-click accounts (empty when there is no demo school). */
export async function listDemoAccounts(): Promise<DemoPersona[]> {
	return z.array(persona).parse(await db().call('demo_accounts', {}, null));
}
