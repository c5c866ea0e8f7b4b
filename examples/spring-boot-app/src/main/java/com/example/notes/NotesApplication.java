package com.example.notes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The host application. Nothing here mentions Basalt: having {@code dev.basalt:basalt} on the class path starts
 * the server (REST API, dashboard at /_/, realtime, an embedded PostgreSQL in ./basalt_data unless
 * {@code basalt.db.url} is set) inside this app, next to its own beans.
 */
@SpringBootApplication
public class NotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }
}
