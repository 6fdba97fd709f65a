package org.symbiosiskb.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.util.FileSystemUtils;

/**
 * Data directories for the embedded databases of second instances (harvesting, PACT, schedules, the benchmark):
 * each holds about half a gigabyte of preallocated store and logs, so they are deleted when the test run's JVM
 * ends, after every instance in it has closed its database.
 */
public final class DataDirectories {

    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(DataDirectories::delete), "delete-test-data-directories"));
    }

    private DataDirectories() {
    }

    /** A new empty directory under the system's temporary directory, deleted at the end of the run. */
    public static Path create(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        MADE.add(directory);
        return directory;
    }

    private static void delete(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
