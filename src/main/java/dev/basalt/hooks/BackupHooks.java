package dev.basalt.hooks;

import dev.basalt.backups.BackupInterceptor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Runs the {@code onBackupCreate} and {@code onBackupRestore} hooks around each backup and restore. */
@Component
class BackupHooks implements BackupInterceptor {
    private final Hooks hooks;

    BackupHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public String aroundCreate(String name, UnaryOperator<String> proceed) {
        if (hooks.onBackupCreate().length() == 0) {
            return proceed.apply(name);
        }
        BackupEvent event = new BackupEvent(name);
        String[] made = new String[1];
        hooks.onBackupCreate().trigger(event, e -> made[0] = proceed.apply(e.name()));
        return made[0];
    }

    @Override
    public void aroundRestore(String name, Consumer<String> proceed) {
        if (hooks.onBackupRestore().length() == 0) {
            proceed.accept(name);
            return;
        }
        hooks.onBackupRestore().trigger(new BackupEvent(name), e -> proceed.accept(e.name()));
    }
}
