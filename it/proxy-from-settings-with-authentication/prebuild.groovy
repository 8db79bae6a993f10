def simulator = ai.osvi.it.ItSimulator.start(basedir, context, 'passing', 'itTokenProxy0001')
def proxy = ai.osvi.it.ForwardProxy.start('builder', 'itProxyPassword')
context.proxy = proxy
def settings = new File(basedir, 'proxy-settings.xml')
settings.text = """<settings>
  <proxies>
    <proxy>
      <id>corp</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${proxy.port()}</port>
      <username>builder</username>
      <password>itProxyPassword</password>
      <nonProxyHosts>*.internal.example</nonProxyHosts>
    </proxy>
  </proxies>
</settings>
"""
def config = new File(basedir, '.mvn/maven.config')
config.append("-gs\n${settings.absolutePath}\n-Dosvi.campaignId=7\n-Dosvi.pollInterval=1s\n-Dosvi.maxFailureRatio=5%\n")
true
