/** Authentication: superusers, auth tokens (HS256 JWT keyed per record), and the Caller of each request. */
package dev.basalt.auth;
