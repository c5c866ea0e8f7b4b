package dev.basalt.hooks;

import dev.basalt.records.PendingRecordWrite;
import dev.basalt.records.RecordWrite;
import dev.basalt.records.RecordWriteInterceptor;
import dev.basalt.records.RecordWriteListener;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the model hooks on the one write path: {@code onRecordCreate/Update/Delete} around each write (inside its
 * transaction), then {@code onRecordAfter*Success} once the transaction commits, or {@code onRecordAfter*Error}
 * when the write fails or its transaction rolls back. The {@code onModel*} hooks of each moment run inside the
 * record ones (when the last record handler calls {@code next()}), as in PocketBase.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ModelHooks implements RecordWriteInterceptor, RecordWriteListener {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHooks.class);
    private final Hooks hooks;

    ModelHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public void around(PendingRecordWrite write, Runnable proceed) {
        var hook = hooks.model(write.action(), Hooks.Phase.WRITE);
        // onModel*, inside the record hooks: PocketBase runs the record hooks from a model handler of priority -99
        var inner = hooks.modelHook(write.action(), 0);
        if (hook.length() == 0 && inner.length() == 0) {
            proceed.run();
            return;
        }
        RecordEvent event = new RecordEvent(write.action(), write.collection(), write.record(), null);
        try {
            hook.trigger(event, e -> inner.trigger(event, m -> proceed.run()));
        } catch (RuntimeException | Error e) {
            failed(write.action(), write.collection(), write.record(), e);
            throw e;
        }
    }

    @Override
    public void written(RecordWrite write) {
        var success = hooks.model(write.action(), Hooks.Phase.SUCCESS);
        var error = hooks.model(write.action(), Hooks.Phase.ERROR);
        if (success.length() == 0 && error.length() == 0 && hooks.modelHook(write.action(), 1).length() == 0
                && hooks.modelHook(write.action(), 2).length() == 0) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            succeeded(write);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    succeeded(write);
                } else {
                    failed(write.action(), write.collection(), write.record().values(),
                            new IllegalStateException("The write's transaction was rolled back."));
                }
            }
        });
    }

    private void succeeded(RecordWrite write) {
        try {
            RecordEvent event = new RecordEvent(write, null);
            hooks.model(write.action(), Hooks.Phase.SUCCESS).trigger(event,
                    e -> hooks.modelHook(write.action(), 1).trigger(event));
        } catch (RuntimeException e) { // the write is committed: a failing handler cannot undo it
            LOG.warn("An after-success hook of {} on {} failed: {}", write.action().pocketBaseName(),
                    write.collection().name(), e.toString());
        }
    }

    private void failed(RecordWrite.Action action, dev.basalt.collections.Collection collection,
                        Map<String, Object> record, Throwable cause) {
        try {
            RecordEvent event = new RecordEvent(action, collection, record, cause);
            hooks.model(action, Hooks.Phase.ERROR).trigger(event, e -> hooks.modelHook(action, 2).trigger(event));
        } catch (RuntimeException e) {
            LOG.warn("An after-error hook of {} on {} failed: {}", action.pocketBaseName(), collection.name(),
                    e.toString());
        }
    }
}
