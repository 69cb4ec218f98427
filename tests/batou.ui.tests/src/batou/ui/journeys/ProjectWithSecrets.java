package batou.ui.journeys;

import java.io.IOException;
import java.nio.file.Path;

import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.Identities;
import batou.test.harness.TempProject;

/** A small project whose environment dev deploys one component, app, with a password attribute, locally. */
final class ProjectWithSecrets {

    private ProjectWithSecrets() {
    }

    static TempProject create(Path root, Path target) throws IOException {
        TempProject project = new TempProject(root);
        project.write("components/app/component.yaml", """
                attributes:
                  password: {type: string, default: ""}
                parts:
                  - file: {path: app.conf, content: "password={{ password }}\\n"}
                """);
        project.write("environments/dev/environment.yaml", """
                environment:
                  connect: local
                  target_directory: %s
                hosts:
                  localhost:
                    components: [app]
                """.formatted(target));
        return project;
    }

    /** Encrypts {@code text} as the secrets of dev, to the members it lists. */
    static void writeSecrets(TempProject project, Path identity, String text) throws IOException {
        new SecretsVault(project.root(), () -> Identities.read(identity)).write("dev", SecretsDocument.parse(text));
    }
}
