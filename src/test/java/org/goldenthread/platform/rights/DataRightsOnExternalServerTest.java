package org.goldenthread.platform.rights;

import org.goldenthread.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every data-rights test again, on a PostgreSQL server of the ICS's own (Debian's, in CI) whose
 * schema owner is no superuser: erasure, the subject-access export and retention must not lean on
 * powers an NHS database administrator would not hand over.
 */
class DataRightsOnExternalServerTest extends DataRightsTest {

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        TestPostgres.Database database = TestPostgres.instance().freshDatabase();
        registry.add("gt.database.url", database::url);
        registry.add("gt.database.user", database::user);
        registry.add("gt.database.password", database::password);
    }
}
