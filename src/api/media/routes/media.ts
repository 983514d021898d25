export default {
  routes: [
    { method: 'POST', path: '/me/uploads', handler: 'media.upload', config: { middlewares: ['api::media.multipart'] } },
    { method: 'GET', path: '/me/uploads/:id', handler: 'media.findOne' },
    { method: 'GET', path: '/me/uploads/:id/content', handler: 'media.content' },
    { method: 'GET', path: '/media/private/:name', handler: 'media.signed', config: { auth: false } },
  ],
};
