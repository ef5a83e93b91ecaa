package org.goldenthread;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GoldenThreadApplication {

    public static void main(String[] args) {
        // "backup FILE", "restore FILE", "export-ics ODS FILE", "import-ics FILE": maintenance, not a start
        if (args.length > 0 && org.goldenthread.platform.Maintenance.isCommand(args[0])) {
            System.exit(org.goldenthread.platform.Maintenance.run(args));
        }
        // "--demo" is shorthand for GT_DEMO=true.
        String[] arguments = Arrays.stream(args)
                .map(a -> a.equals("--demo") ? "--gt.demo=true" : a)
                .toArray(String[]::new);
        SpringApplication.run(GoldenThreadApplication.class, arguments);
    }
}
