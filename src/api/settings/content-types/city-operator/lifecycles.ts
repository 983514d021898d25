// Admin e-mails are matched case-insensitively when scoping an operator to cities.
const normalise = (event: { params: { data?: { adminEmail?: string } } }) => {
  const data = event.params.data;
  if (typeof data?.adminEmail === 'string') data.adminEmail = data.adminEmail.trim().toLowerCase();
};

export default {
  beforeCreate: normalise,
  beforeUpdate: normalise,
};
