package dev.basalt.query;

import java.util.List;
import java.util.Map;

/** Related tables for the relation path tests: posts -> users -> teams, comments -> posts, labels on posts. */
final class RelationFixtures {
    static final TableSchema POSTS = TableSchema.of("posts", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("title", ColumnKind.TEXT),
            ColumnInfo.relation("author", "users", false),
            ColumnInfo.relation("editors", "users", true),
            new ColumnInfo("reviewer", ColumnKind.TEXT, true, "users")));
    static final TableSchema USERS = TableSchema.of("users", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.of("age", ColumnKind.NUMBER),
            ColumnInfo.of("roles", ColumnKind.TEXT_ARRAY),
            ColumnInfo.relation("team", "teams", false),
            new ColumnInfo("email", ColumnKind.TEXT, true)));
    static final TableSchema TEAMS = TableSchema.of("teams", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.relation("parent", "teams", false)));
    static final TableSchema COMMENTS = TableSchema.of("comments", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("message", ColumnKind.TEXT),
            ColumnInfo.relation("post", "posts", false)));
    static final TableSchema LABELS = TableSchema.of("labels", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.relation("posts", "posts", true)));
    static final TableCatalog CATALOG = TableCatalog.of(Map.of("posts", POSTS, "users", USERS, "teams", TEAMS,
            "comments", COMMENTS, "labels", LABELS));

    private RelationFixtures() {
    }
}
