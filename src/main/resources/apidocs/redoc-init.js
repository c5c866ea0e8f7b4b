// ReDoc on this server's document, fetched with the caller's token (see token.js).
const headers = {};
const token = basaltToken();
if (token) headers.Authorization = token;
fetch('docs/openapi.json', { headers })
  .then((response) => response.json())
  .then((spec) => Redoc.init(spec, { hideDownloadButton: false }, document.getElementById('redoc')));
