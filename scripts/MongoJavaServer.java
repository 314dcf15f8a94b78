import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts mongo-java-server (in-memory backend) on 127.0.0.1:<port> until the JVM is stopped;
 * used by scripts/mongo-test-server.ts, see docs/mongodb.md.
 */
public final class MongoJavaServer {
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: MongoJavaServer <port>");
      System.exit(2);
    }
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    Thread.currentThread().join();
  }
}
