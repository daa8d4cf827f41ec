import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import com.hankcs.hanlp.HanLP;

/**
 * Converts traditional Chinese to simplified, line by line, from stdin to stdout, with HanLP (the library Dayuan
 * itself uses). Run: java -cp hanlp-portable-1.8.6.jar ToSimplified.java < traditional.txt > simplified.txt
 */
public class ToSimplified {
    public static void main(String[] args) throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(HanLP.convertToSimplifiedChinese(line));
                out.write('\n');
            }
        }
    }
}
