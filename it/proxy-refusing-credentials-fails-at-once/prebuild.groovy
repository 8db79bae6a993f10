// An https API: the 407 answers the CONNECT, before any TLS, so the forked build needs no trust store.
ai.osvi.it.ItSimulator.startHttps(basedir, context, 'passing', 'itTokenProxy0407')
def proxy = ai.osvi.it.ForwardProxy.start('builder', 'itRightProxyPass')
context.proxy = proxy
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
      <password>itWrongProxyPass</password>
    </proxy>
  </proxies>
</settings>
"""
def config = new File(basedir, '.mvn/maven.config')
config.append("-gs\n${settings.absolutePath}\n-Dosvi.campaignId=7\n-Dosvi.pollInterval=1s\n-Dosvi.maxFailureRatio=5%\n")
true
