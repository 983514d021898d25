/** How an admin user is named to colleagues: 姓名 in Chinese order, else username or e-mail. */
export interface NamedAdmin {
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
}

export function adminDisplayName(admin: NamedAdmin): string {
  return [admin.lastname, admin.firstname].filter(Boolean).join('') || admin.username || admin.email || '管理员';
}
