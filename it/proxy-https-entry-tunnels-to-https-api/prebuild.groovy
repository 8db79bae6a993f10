def api = ai.osvi.it.ItSimulator.startHttps(basedir, context, 'passing', 'itTokenHttps0001')
def proxy = ai.osvi.it.ForwardProxy.start('builder', 'itProxyPasswordTls')
context.proxy = proxy
// The common corporate entry: <protocol>https</protocol> for a plain HTTP proxy (think squid on port 3128).
def settings = new File(basedir, 'proxy-settings.xml')
settings.text = """<settings>
  <proxies>
    <proxy>
      <id>corp</id>
      <active>true</active>
      <protocol>https</protocol>
      <host>127.0.0.1</host>
      <port>${proxy.port()}</port>
      <username>builder</username>
      <password>itProxyPasswordTls</password>
    </proxy>
  </proxies>
</settings>
"""
// requestTimeout 5s: a gate that opened TLS to the plain proxy would hang that long on every poll.
def config = new File(basedir, '.mvn/maven.config')
config.append("-gs\n${settings.absolutePath}\n-Dosvi.campaignId=7\n-Dosvi.pollInterval=1s\n-Dosvi.requestTimeout=5s\n-Dosvi.maxFailureRatio=5%\n")
true
