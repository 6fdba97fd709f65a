package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's arguments and failures that need no service. */
@Tag("fast")
class EprtrCommandTest {

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final EprtrCommand command = new EprtrCommand(new PrintStream(output, true, StandardCharsets.UTF_8), false, () -> 0L);

    String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void wrong_arguments_print_the_usage_and_exit_2() {
        assertThat(command.run(new String[] {"datasets/eprtr-fi"}, null)).isEqualTo(2);
        assertThat(printed()).startsWith("--partner is missing").contains("usage: ./kb import-eprtr DIR --partner PARTNER");
        output.reset();
        assertThat(command.run(new String[] {"datasets/eprtr-fi", "--partner", "fi", "--colour"}, null)).isEqualTo(2);
        assertThat(printed()).startsWith("unknown argument --colour");
    }

    @Test
    void a_directory_without_the_files_is_named(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("facilities.csv"), "x");
        assertThat(command.run(new String[] {dir.toString(), "--partner", "fi"}, null)).isEqualTo(2);
        assertThat(printed()).isEqualTo("no releases.csv in " + dir + System.lineSeparator());
    }

    @Test
    void a_service_that_does_not_answer_exits_3() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int status = command.run(new String[] {"datasets/eprtr-fi", "--partner", "fi", "--url", "http://127.0.0.1:" + closedPort}, null);
        assertThat(status).isEqualTo(3);
        assertThat(printed()).contains("could not reach http://127.0.0.1:" + closedPort).contains("is the service running?");
    }

    @Test
    void the_bar_fills_with_the_counts() {
        // 30 marks: 688 of 16 428 is 688 × 30 / 16 428 = 1.26 → 1 mark; 16 428 of 16 428 → 30
        assertThat(EprtrCommand.bar(688, 16_428)).isEqualTo("[#" + "-".repeat(29) + "]");
        assertThat(EprtrCommand.bar(16_428, 16_428)).isEqualTo("[" + "#".repeat(30) + "]");
        assertThat(EprtrCommand.bar(0, 0)).isEqualTo("[" + "#".repeat(30) + "]");
    }
}
