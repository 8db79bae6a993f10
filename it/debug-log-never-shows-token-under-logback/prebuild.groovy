import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

// Maven's logging guide, step by step, on a copy of the Maven installation that runs the ITs (itMavenHome and
// logbackForMaven are set in the invoker's configuration in pom.xml).
Path mavenHome = Paths.get(itMavenHome)
Path maven = basedir.toPath().resolve('maven-on-logback')
Files.walk(mavenHome).withCloseable { paths ->
    paths.each { Path from ->
        Path to = maven.resolve(mavenHome.relativize(from).toString())
        if (Files.isDirectory(from)) {
            Files.createDirectories(to)
        } else {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES)
        }
    }
}
// 1. remove Maven's own SLF4J provider
def providers = maven.resolve('lib').toFile().listFiles().findAll { it.name ==~ /maven-slf4j-provider-.+\.jar/ }
assert providers.size() == 1 : "no single lib/maven-slf4j-provider-*.jar in ${mavenHome}: ${providers}"
assert providers[0].delete()
// 2. put logback-classic and logback-core into lib/
def logback = new File(logbackForMaven).listFiles().findAll { it.name ==~ /logback-(classic|core)-.+\.jar/ }
assert logback.size() == 2 : "logback jars missing in ${logbackForMaven}: ${logback}"
logback.each { Files.copy(it.toPath(), maven.resolve('lib').resolve(it.name)) }
// 3. configure logback: a console appender whose lines also name the logger
Files.writeString(maven.resolve('conf/logging/logback.xml'), '''\
<configuration>
  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
    <encoder>
      <pattern>[%level] %logger - %msg%n</pattern>
    </encoder>
  </appender>
  <root level="INFO">
    <appender-ref ref="console" />
  </root>
</configuration>
''')

// The token is put together so that no file of this IT holds it literally (see invoker.properties).
ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'quick-pass.json'), 'itTokenLogback' + '0001')
true
