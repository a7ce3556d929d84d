// Creates the topics listed in infra/kafka/topics.txt that do not exist yet (infra/kafka.sh topics).
// Run by the JDK's source launcher: java -cp 'var/kafka/libs/*' infra/kafka/EnsureTopics.java BROKERS FILE
// Prints one line per topic: "created NAME" or "exists NAME"; exits 1 on any other error.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

public class EnsureTopics {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EnsureTopics BROKERS TOPICS_FILE");
      System.exit(2);
    }
    List<NewTopic> topics = readTopics(Path.of(args[1]));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    boolean failed = false;
    try (Admin admin = Admin.create(props)) {
      var result = admin.createTopics(topics);
      for (NewTopic topic : topics) {
        try {
          result.values().get(topic.name()).get();
          System.out.println("created " + topic.name());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TopicExistsException) {
            System.out.println("exists " + topic.name());
          } else {
            System.err.println("error " + topic.name() + ": " + e.getCause());
            failed = true;
          }
        }
      }
    }
    System.exit(failed ? 1 : 0);
  }

  // NAME PARTITIONS [key=value ...] per line; '#' starts a comment. Replication factor 1: a single broker.
  static List<NewTopic> readTopics(Path file) throws Exception {
    List<NewTopic> topics = new ArrayList<>();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.replaceAll("#.*", "").trim();
      if (line.isEmpty()) continue;
      String[] words = line.split("\\s+");
      if (words.length < 2) throw new IllegalArgumentException(file + ": expected NAME PARTITIONS: " + raw);
      Map<String, String> configs = new HashMap<>();
      for (int i = 2; i < words.length; i++) {
        String[] pair = words[i].split("=", 2);
        if (pair.length != 2) throw new IllegalArgumentException(file + ": expected key=value: " + words[i]);
        configs.put(pair[0], pair[1]);
      }
      topics.add(new NewTopic(words[0], Integer.parseInt(words[1]), (short) 1).configs(configs));
    }
    return topics;
  }
}
