package dev.goldenpath.approvals;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/** Names snapshots after the rendered folder: {@code <dir>/apps/prod/api.approved.yaml}. */
final class FolderNamer implements ApprovalNamer {

    private final Path directory;
    private final String folder;

    FolderNamer(Path directory, String folder) {
        this.directory = directory;
        this.folder = folder;
    }

    @Override
    public File getApprovedFile(String extensionWithDot) {
        return directory.resolve(folder + ".approved.yaml").toFile();
    }

    @Override
    public File getReceivedFile(String extensionWithDot) {
        return directory.resolve(folder + ".received.yaml").toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
        return this;
    }

    @Override
    public String getAdditionalInformation() {
        return "";
    }

    @Override
    public String getApprovalName() {
        return folder;
    }

    @Override
    public String getSourceFilePath() {
        return directory.toAbsolutePath() + File.separator;
    }
}
