// WeChat's jscode2session, faked for the containerized platform (scripts/docker-test.sh): WeChat's
// API cannot be reached from the tests. Every code gives the openid "openid-<code>" when the app id
// and secret are the ones given; otherwise WeChat's errcode 40125 (invalid appsecret).
//   node fake-wechat.mjs <port> <appid> <secret>
import http from 'node:http';

const [port, appId, secret] = process.argv.slice(2);
http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const answer = url.pathname !== '/sns/jscode2session' ? { errcode: 40001, errmsg: 'unknown path' }
    : url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret ? { errcode: 40125, errmsg: 'invalid appsecret' }
    : { openid: `openid-${url.searchParams.get('js_code')}`, session_key: 'c2Vzc2lvbi1rZXktZm9yLXRlc3Rz' };
  response.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(answer));
}).listen(Number(port), '127.0.0.1', () => console.log(`fake WeChat on 127.0.0.1:${port}`));
