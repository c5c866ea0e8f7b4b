// Swagger UI on this server's document; the token (see token.js) goes with every request, the document's too,
// so after "Authorize" a reload shows the endpoints this caller may use.
window.ui = SwaggerUIBundle({
  url: 'docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  requestInterceptor: (request) => {
    const token = basaltToken();
    if (token && !request.headers.Authorization && !request.headers['X-API-Key']) {
      request.headers.Authorization = token;
    }
    return request;
  },
});
