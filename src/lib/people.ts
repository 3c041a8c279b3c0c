// Facts about people shared by server and browser code.

export type Role = 'student_mentor' | 'teacher' | 'researcher' | 'coordinator';

export const ROLES: Role[] = ['student_mentor', 'teacher', 'researcher', 'coordinator'];

/** Students have no email; their login is this reserved address (RFC 2606 .invalid). */
export function studentEmail(schoolCode: string, username: string): string {
	return `${username.trim().toLowerCase()}@${schoolCode.trim().toLowerCase()}.students.invalid`;
}
