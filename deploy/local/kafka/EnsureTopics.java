// Creates the local stack's topics that do not exist yet, in one AdminClient call.
// Run by deploy/local/stack.sh with the Java source launcher (no build step):
//   java -cp <kafka classpath> EnsureTopics.java <bootstrap> <partitions> <name[:compact]>...
// Prints one line per created topic; exits non-zero on failure.
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

public class EnsureTopics {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    int partitions = Integer.parseInt(args[1]);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (int i = 2; i < args.length; i++) {
        String[] spec = args[i].split(":", 2);
        if (existing.contains(spec[0])) continue;
        NewTopic topic = new NewTopic(spec[0], partitions, (short) 1);
        if (spec.length == 2) topic.configs(Map.of("cleanup.policy", spec[1]));
        missing.add(topic);
      }
      for (var e : admin.createTopics(missing).values().entrySet()) {
        try {
          e.getValue().get();
          System.out.println(e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) throw ex; // created concurrently
        }
      }
    }
  }
}
