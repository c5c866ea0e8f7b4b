package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --encryptionEnv=NAME} passes the variable's name (never the key) to the application. */
class EncryptionEnvOptionTest {

    @Test
    void serveAndSuperuserPassTheVariableName() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--encryptionEnv=MY_KEY", "--dir=/tmp/data");
        assertThat(serve.data.springArgs()).containsExactly("--basalt.dir=/tmp/data", "--basalt.encryption-env=MY_KEY");

        SuperuserCommand.Upsert upsert = new SuperuserCommand.Upsert();
        new CommandLine(upsert).parseArgs("a@example.com", "password123", "--encryptionEnv=MY_KEY");
        assertThat(upsert.data.springArgs()).containsExactly("--basalt.encryption-env=MY_KEY");
    }

    @Test
    void withoutTheOptionNothingIsPassed() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertThat(serve.data.springArgs()).isEmpty();
    }
}
