// a loopback port that was free a moment ago: nothing listens there
def socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
def port = socket.localPort
socket.close()
context.put('port', port)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dosvi.baseUrl=http://127.0.0.1:${port}\n"
true
