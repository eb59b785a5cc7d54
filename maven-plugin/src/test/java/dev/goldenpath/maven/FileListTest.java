package dev.goldenpath.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileListTest {

    @Test
    void logsTheFirstTwentyLinesThenHowManyMore() {
        String diff = IntStream.rangeClosed(1, 41).mapToObj(i -> "A file-" + i + ".yaml").collect(Collectors.joining("\n", "", "\n"));
        List<String> logged = new ArrayList<>();

        FileList.log(diff, logged::add);

        assertEquals(21, logged.size());
        assertEquals("A file-20.yaml", logged.get(19));
        assertEquals("… and 21 more (git show --stat lists every file of the commit)", logged.get(20));
    }

    @Test
    void logsAShortListWhole() {
        List<String> logged = new ArrayList<>();
        FileList.log("M a.yaml\nD b.yaml\n", logged::add);
        assertEquals(List.of("M a.yaml", "D b.yaml"), logged);
    }

    @Test
    void countsFilesInEnglish() {
        assertEquals("1 file", FileList.files(1));
        assertEquals("0 files", FileList.files(0));
        assertEquals("41 files", FileList.files(41));
    }
}
