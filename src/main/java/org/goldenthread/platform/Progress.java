package org.goldenthread.platform;

/**
 * What long work reports as it goes, each count the total so far. Work that runs while the caller
 * waits reports to {@link #NONE}; work run as a {@link Job} shows it on the job's page and API.
 */
public interface Progress {

    /** How many rows there are, when known before reading them. */
    void expect(int rows);

    void read(int rows);

    void checked(int rows);

    void stored(int rows);

    Progress NONE = new Progress() {
        @Override
        public void expect(int rows) {}

        @Override
        public void read(int rows) {}

        @Override
        public void checked(int rows) {}

        @Override
        public void stored(int rows) {}
    };
}
