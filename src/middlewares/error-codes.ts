export default () => async (ctx: any, next: () => Promise<void>) => {
  await next();
};
