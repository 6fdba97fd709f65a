package org.symbiosiskb.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Real clients from the npm registry, run with the machine's Node against the test's service: the
 * federation check (src/test/federation) and the GraphQL-over-HTTP audit (src/test/graphql-http). Each
 * folder pins its packages in a package-lock.json that {@code .ci/run} installs with {@code npm ci}.
 */
public final class NodeScripts {

    private NodeScripts() {
    }

    /**
     * On CI (CI=true) the check must run, so missing Node or packages fail the test; on a developer
     * machine the test is skipped with the command that installs them.
     *
     * @param folder  the folder with package.json and package-lock.json
     * @param module  a package the script imports, as it appears under node_modules
     * @param purpose what needs them, for the message ("The federation check")
     */
    public static void require(Path folder, String module, String purpose) {
        boolean installed = Files.isDirectory(folder.resolve("node_modules").resolve(module)) && nodeOnPath();
        String message = purpose + " needs Node 20+ and its packages: run `npm ci` in " + folder
                + " (.ci/run does it before ./kb test)";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.assumeTrue(installed, message);
    }

    /** Runs {@code node <arguments>} in {@code folder} and returns what it printed; fails the test if it exits non-zero. */
    public static String run(Path folder, List<String> arguments) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("node-script", ".err");
        var command = new java.util.ArrayList<String>();
        command.add("node");
        command.addAll(arguments);
        var process = new ProcessBuilder(command).directory(folder.toFile()).redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(arguments.getFirst() + " did not finish within 120 s");
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        assertThat(process.exitValue()).as(arguments.getFirst() + " failed:\n" + stdout + "\n" + errors).isZero();
        return stdout;
    }

    static boolean nodeOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "node")));
    }
}
