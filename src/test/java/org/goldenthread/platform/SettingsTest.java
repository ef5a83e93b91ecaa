package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class SettingsTest {

    @Test
    void theRecordsDefaultsAreTheOnesApplicationYmlSpellsOut() throws IOException {
        Settings withNothingSet = new Binder(List.of()).bindOrCreate("gt", Settings.class);

        assertThat(fromApplicationYml()).isEqualTo(withNothingSet);
    }

    @Test
    void defaultsAreTheOnesTheReadmeLists() {
        Settings settings = new Binder(List.of()).bindOrCreate("gt", Settings.class);

        assertThat(settings.dataDir()).isEqualTo("./data");
        assertThat(settings.database().url()).isEmpty();
        assertThat(settings.demo()).isFalse();
        assertThat(settings.publicUrl()).isEmpty();
        assertThat(settings.privacy().minGroupSize()).isEqualTo(10);
        assertThat(settings.security().maxFailedLogins()).isEqualTo(5);
        assertThat(settings.security().lockoutMinutes()).isEqualTo(15);
        assertThat(settings.api().maxConcurrent()).isZero();
        assertThat(settings.surveys().resultsMemoryMb()).isZero();
        assertThat(settings.surveys().resumeAttempts()).isEqualTo(10);
        assertThat(settings.surveys().resumeLockout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.surveys().draftDays()).isEqualTo(90);
    }

    private static Settings fromApplicationYml() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            sources.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bindOrCreate("gt", Settings.class);
    }
}
