import dev.msgprobe.geo.BundledGeo;
import java.net.InetAddress;
import java.util.Random;

/** Load time of the bundled geo data and the cost of one lookup (random IPv4 addresses). */
public class GeoBench {
  public static void main(String[] args) throws Exception {
    long t = System.nanoTime();
    BundledGeo geo = BundledGeo.load();
    System.out.printf("load: %.0f ms (%s)%n", (System.nanoTime() - t) / 1e6, geo.description());
    InetAddress[] addresses = new InetAddress[1000];
    Random random = new Random(1);
    for (int i = 0; i < addresses.length; i++) {
      byte[] b = new byte[4];
      random.nextBytes(b);
      addresses[i] = InetAddress.getByAddress(b);
    }
    for (int round = 0; round < 5; round++) {
      long known = 0;
      t = System.nanoTime();
      for (int j = 0; j < 1000; j++) {
        for (InetAddress a : addresses) {
          known += geo.lookup(a).asn() == 0 ? 0 : 1;
        }
      }
      System.out.printf("round %d: %.0f ns per lookup (%d of 1000000 in a known range)%n", round,
          (System.nanoTime() - t) / 1e6, known);
    }
  }
}
