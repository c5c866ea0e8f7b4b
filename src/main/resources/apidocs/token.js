// The caller's token, so that the document shows what this caller may use: the one authorized in Swagger UI
// (kept in localStorage by persistAuthorization), else the PocketBase SDK's auth store of this origin.
function basaltToken() {
  try {
    const authorized = JSON.parse(localStorage.getItem('authorized') || '{}');
    if (authorized.bearerAuth && authorized.bearerAuth.value) return authorized.bearerAuth.value;
  } catch (e) { /* not JSON: ignore */ }
  try {
    const sdk = JSON.parse(localStorage.getItem('pocketbase_auth') || '{}');
    if (sdk.token) return sdk.token;
  } catch (e) { /* not JSON: ignore */ }
  return null;
}
