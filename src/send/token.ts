/** SecretStorage key of the user's collection-service token (never in settings or files). */
export const TOKEN_SECRET_KEY = 'codetrail.collector.token';
