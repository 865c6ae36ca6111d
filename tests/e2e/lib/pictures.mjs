// Ticket pictures for e2e tests (docs/pictures.md): screenshots built in the test (a QR code, the same
// code rendered otherwise inside a larger screenshot, a picture with no code at all), and the upload
// as the mini-program sends it, a GraphQL multipart request.
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { postMultipart } from './upload.mjs';

/** What the tests ask of an uploaded picture. */
export const pictureSelection = 'id showsTicketCode ticketCode codeFormat url thumbnailUrl urlExpiresAt width height';

const uploadMutation = `mutation($input: UploadTicketPictureInput!) {
  uploadTicketPicture(input: $input) { picture { ${pictureSelection} } errors { code field message } }
}`;

/**
 * Uploads a file to `graphql` (an API's or the gateway's /graphql) as `token`'s member; resolves with
 * the HTTP answer { status, headers, body }. file: { name, type, bytes }.
 */
export function uploadPicture(graphql, token, file, { order } = {}) {
  return postMultipart(graphql, { query: uploadMutation, variables: { input: {} }, files: { 'variables.input.file': file } },
    { authorization: `Bearer ${token}` }, { order });
}

/** A PNG file of a QR code holding `text`, as qrcode renders it with `options` (width, margin, errorCorrectionLevel...). */
export async function qrCodePng(text, options = { width: 600, margin: 4 }) {
  return { name: 'ticket.png', type: 'image/png', bytes: await QRCode.toBuffer(text, { type: 'png', ...options }) };
}

/**
 * A PNG file of a screenshot-like picture: a light page of `width` × `height` with a dark title bar,
 * and the QR code of `text` rendered with `options` pasted at (x, y).
 */
export async function qrCodeInScreenshotPng(text, { width = 900, height = 1200, x = 150, y = 400, ...options } = {}) {
  const code = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', ...options }));
  const page = new PNG({ width, height });
  fill(page, () => [246, 246, 246]);
  fill(page, () => [40, 60, 110], { x: 0, y: 0, width, height: 120 });
  PNG.bitblt(code, page, 0, 0, code.width, code.height, x, y);
  return { name: 'screenshot.png', type: 'image/png', bytes: PNG.sync.write(page) };
}

/** A PNG file of coloured noise (the same for the same seed): a picture in which no code can be read. */
export function noisePng(width = 160, height = 120, seed = 1) {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: enough for pixels.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) & 0xff;
  };
  const picture = new PNG({ width, height });
  fill(picture, () => [next(), next(), next()]);
  return { name: 'seat.png', type: 'image/png', bytes: PNG.sync.write(picture) };
}

/** A 1 × 1 GIF: a real picture in a format the platform does not take. */
export const gif = {
  name: 'ticket.gif',
  type: 'image/gif',
  bytes: Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex'),
};

function fill(png, colour, { x = 0, y = 0, width = png.width, height = png.height } = {}) {
  for (let row = y; row < y + height; row++) {
    for (let column = x; column < x + width; column++) {
      const at = (row * png.width + column) * 4;
      const [r, g, b] = colour();
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = 255;
    }
  }
}
