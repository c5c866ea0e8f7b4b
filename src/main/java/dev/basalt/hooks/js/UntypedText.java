package dev.basalt.hooks.js;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Text bound without a type, so PostgreSQL reads it as the type its place needs (a date, a number, JSON), as
 * SQLite, PocketBase's database, compares text with anything: {@code created > {:since}} with {@code since} a date
 * as text. Bound as a varchar it would fail ({@code timestamptz > character varying}).
 */
final class UntypedText implements Binding<String, String> {
    private static final Converter<String, String> SAME = Converter.of(String.class, String.class, s -> s, s -> s);
    /** The data type of such a value (after {@code SAME}: making it asks the binding for its converter). */
    static final DataType<String> TYPE = SQLDataType.VARCHAR.asConvertedDataType(new UntypedText());

    @Override
    public Converter<String, String> converter() {
        return SAME;
    }

    @Override
    public void sql(BindingSQLContext<String> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.value()));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<String> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.OTHER);
    }

    @Override
    public void set(BindingSetStatementContext<String> ctx) throws SQLException {
        // the PostgreSQL driver sends a value set as OTHER with no type: the server infers it
        ctx.statement().setObject(ctx.index(), ctx.value(), Types.OTHER);
    }

    @Override
    public void set(BindingSetSQLOutputContext<String> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetResultSetContext<String> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetStatementContext<String> ctx) throws SQLException {
        ctx.value(ctx.statement().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetSQLInputContext<String> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
