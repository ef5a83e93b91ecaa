package org.goldenthread.platform;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work for a different scope than the current one. A connection takes its scope when it is
 * borrowed, so a transaction already under way cannot switch; this work gets its own transaction
 * and connection.
 */
@Component
public class ScopedTransactions {

    private final TransactionTemplate separate;

    ScopedTransactions(PlatformTransactionManager transactions) {
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T run(Scope scope, Supplier<T> work) {
        return scope.run(() -> separate.execute(status -> work.get()));
    }
}
