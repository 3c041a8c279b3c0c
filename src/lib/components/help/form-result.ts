/** What a form action of the request page answers: a done message, or errors with what was typed. */
export interface FormResult {
	done?: string;
	message?: string;
	params?: Record<string, string>;
	values?: Record<string, string>;
	errors?: Record<string, string>;
}
