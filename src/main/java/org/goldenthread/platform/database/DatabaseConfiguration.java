package org.goldenthread.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.goldenthread.platform.Settings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** The role the application works as; row-level security applies to it (not to the owner). */
    static final String APP_ROLE = "gt_app";

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Settings settings) {
        Settings.Database database = settings.database();
        if (!database.url().isBlank()) {
            return DatabaseServer.external(database.url(), database.user(), database.password());
        }
        return DatabaseServer.embedded(Path.of(settings.dataDir()), database.ephemeral());
    }

    /** Migrations run as the schema owner, before the application pool opens. */
    @Bean
    Flyway flyway(DatabaseServer server) {
        Flyway flyway = migrations(server.url(), server.user(), server.password(), null);
        flyway.migrate();
        return flyway;
    }

    /** The migrations, as far as the version given (null: all of them), run as the schema owner. */
    static Flyway migrations(String url, String user, String password, @Nullable String target) {
        DataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password);
        var configuration = Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration")
                .placeholders(java.util.Map.of("app_role", APP_ROLE));
        if (target != null) {
            configuration = configuration.target(target);
        }
        return configuration.load();
    }

    @Bean(destroyMethod = "close")
    @Primary
    TenantAwareDataSource dataSource(DatabaseServer server, Flyway migrated) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setPoolName("golden-thread");
        config.setMaximumPoolSize(12);
        config.setConnectionInitSql("set role " + APP_ROLE);
        // A database that cannot be reached should fail a call in seconds, not hold it for Hikari's 30.
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        HikariDataSource pool = new HikariDataSource(config);
        // connections to a server that died are dead too; new ones go to the server restarted in its place
        server.afterRestart(() -> {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        });
        return new TenantAwareDataSource(pool);
    }
}
