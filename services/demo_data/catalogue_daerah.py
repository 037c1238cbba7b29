"""Services of the other eleven perangkat daerah of Kota Probolinggo at the MPP."""

from .catalogue_common import PDF, PHOTO, req, service, step

# =========================================================================== Dispendukcapil
CAPIL = "dispendukcapil"
_ADMINDUK_LAW = (
    "UU 23/2006 tentang Administrasi Kependudukan sebagaimana diubah dengan UU 24/2013; Perpres 96/2018 "
    "tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil; Permendagri 108/2019 "
    "tentang Peraturan Pelaksanaan Perpres 96/2018"
)
_FREE_ADMINDUK = "Pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya (Pasal 79A UU 24/2013)."
_KK = req("Kartu Keluarga", "Pindaian Kartu Keluarga asli yang terbaru.")
_KTP = req("KTP-el", "Pindaian KTP-el pemohon.")


def _capil_steps(days: int) -> list[dict]:
    if days == 1:
        return [
            step("Penerimaan dan verifikasi kelengkapan berkas", "front_office", 0),
            step("Verifikasi dan perekaman data dalam SIAK Terpusat", "officer", 0),
            step("Persetujuan dan tanda tangan elektronik Kepala Dinas", "head", 1),
            step("Pencetakan dan penyerahan dokumen atau pengiriman berkas elektronik", "front_office", 0),
        ]
    return [
        step("Penerimaan dan verifikasi kelengkapan berkas", "front_office", 0),
        step("Verifikasi dan perekaman data dalam SIAK Terpusat", "officer", 1),
        step(
            "Telaah dokumen dasar (putusan atau penetapan pengadilan, surat pemuka agama)",
            "supervisor",
            days - 2,
        ),
        step("Persetujuan dan tanda tangan elektronik Kepala Dinas", "head", 1),
        step("Penyerahan kutipan akta dan dokumen terkait", "front_office", 0),
    ]


def _capil(
    code, name, name_en, *, days, description, keywords, product, requirements, extra_law="", procedure=""
):
    return service(
        code,
        CAPIL,
        "kependudukan",
        name,
        name_en,
        is_permit=False,
        description=description,
        keywords=keywords,
        days=days,
        product=product,
        procedure=procedure
        or (
            "Pemohon datang ke loket Dispendukcapil di MPP atau mengajukan secara daring. Petugas memverifikasi "
            f"berkas dan data SIAK; dokumen ditandatangani elektronik dan dapat dicetak sendiri di kertas HVS. {_FREE_ADMINDUK}"
        ),
        legal_basis=f"{_ADMINDUK_LAW}{'; ' + extra_law if extra_law else ''}.",
        requirements=requirements,
        steps=_capil_steps(days),
    )


CAPIL_SERVICES = [
    _capil(
        "KTP-EL",
        "Penerbitan KTP-el Baru",
        "New electronic identity card (KTP-el)",
        days=1,
        description="Perekaman biometrik dan pencetakan KTP-el bagi penduduk yang telah berusia 17 tahun, sudah atau pernah kawin.",
        keywords="ktp ktp-el e-ktp kartu tanda penduduk rekam ktp pemula 17 tahun",
        product="KTP-el yang berlaku seumur hidup.",
        requirements=[
            _KK,
            req(
                "Buku nikah atau kutipan akta perkawinan",
                "Bagi penduduk di bawah 17 tahun yang sudah kawin.",
                mandatory=False,
            ),
        ],
        extra_law=(
            "Permendagri 72/2022 tentang Standar dan Spesifikasi Perangkat Keras, Perangkat Lunak, dan Blangko "
            "KTP-el serta Penyelenggaraan Identitas Kependudukan Digital"
        ),
        procedure=(
            "Pemohon melakukan perekaman foto, sidik jari, iris dan tanda tangan di loket MPP; setelah data "
            f"terverifikasi di pusat, KTP-el dicetak dan diserahkan. {_FREE_ADMINDUK}"
        ),
    ),
    _capil(
        "KTP-EL-GANTI",
        "Penggantian KTP-el karena Rusak, Hilang atau Perubahan Data",
        "Replacement of a damaged, lost or outdated KTP-el",
        days=1,
        description="Pencetakan ulang KTP-el yang rusak, hilang atau datanya berubah (misalnya status perkawinan, pekerjaan, alamat).",
        keywords="ktp hilang ktp rusak ganti ktp cetak ulang ktp perubahan data ktp",
        product="KTP-el pengganti.",
        requirements=[
            _KK,
            req("KTP-el yang rusak", "Diserahkan kepada petugas bila KTP-el rusak.", mandatory=False),
            req(
                "Dokumen dasar perubahan data",
                "Misalnya akta perkawinan, akta perceraian atau surat keterangan pindah.",
                mandatory=False,
            ),
        ],
        extra_law="Permendagri 72/2022",
    ),
    _capil(
        "KK-BARU",
        "Penerbitan Kartu Keluarga Baru",
        "New family card (Kartu Keluarga)",
        days=1,
        description="Penerbitan Kartu Keluarga bagi keluarga baru, pisah KK dari orang tua, atau penduduk yang datang dari luar daerah.",
        keywords="kk kartu keluarga baru pisah kk nikah kk baru",
        product="Kartu Keluarga bertanda tangan elektronik.",
        requirements=[
            req("Buku nikah atau kutipan akta perkawinan", "Bagi pasangan yang baru menikah."),
            req("Kartu Keluarga lama", "Bagi penduduk yang pisah dari KK orang tua.", mandatory=False),
            req(
                "Surat Keterangan Pindah",
                "Bagi penduduk yang datang dari luar Kota Probolinggo.",
                mandatory=False,
            ),
        ],
    ),
    _capil(
        "KK-UBAH",
        "Perubahan Kartu Keluarga (Penambahan, Pengurangan Anggota atau Perubahan Data)",
        "Update of the family card",
        days=1,
        description="Perubahan KK karena kelahiran, kematian, perpindahan anggota keluarga, atau perubahan data seperti pendidikan dan pekerjaan.",
        keywords="ubah kk tambah anggota kk kurang anggota kk update kartu keluarga",
        product="Kartu Keluarga yang telah diperbarui, bertanda tangan elektronik.",
        requirements=[
            _KK,
            req(
                "Dokumen dasar perubahan",
                "Akta kelahiran, akta kematian, surat keterangan pindah, ijazah atau dokumen lain sesuai data yang diubah.",
            ),
        ],
    ),
    _capil(
        "KIA",
        "Penerbitan Kartu Identitas Anak (KIA)",
        "Child identity card (KIA)",
        days=1,
        description="Kartu identitas bagi anak di bawah 17 tahun yang belum menikah, dapat digunakan untuk keperluan sekolah, perbankan dan layanan publik.",
        keywords="kia kartu identitas anak kartu anak ktp anak",
        product="Kartu Identitas Anak yang berlaku sampai anak berusia 17 tahun.",
        requirements=[
            _KK,
            req("Kutipan akta kelahiran anak", "Pindaian akta kelahiran asli."),
            req(
                "Pas foto berwarna anak 2x3",
                "Untuk anak berusia 5 tahun ke atas.",
                mandatory=False,
                kinds=PHOTO,
            ),
        ],
        extra_law="Permendagri 2/2016 tentang Kartu Identitas Anak",
    ),
    _capil(
        "AKTA-LAHIR",
        "Penerbitan Akta Kelahiran",
        "Birth certificate",
        days=1,
        description="Pencatatan kelahiran dan penerbitan kutipan akta kelahiran bagi anak yang lahir dari penduduk Kota Probolinggo.",
        keywords="akta lahir akta kelahiran akte kelahiran bayi lahir",
        product="Kutipan akta kelahiran bertanda tangan elektronik, beserta KK dan KIA yang diperbarui.",
        requirements=[
            req("Surat keterangan kelahiran", "Dari rumah sakit, puskesmas, bidan atau kelurahan."),
            _KK,
            req(
                "Buku nikah atau kutipan akta perkawinan orang tua",
                "Bila tidak ada, diganti SPTJM kebenaran pasangan suami istri.",
                mandatory=False,
            ),
            req(
                "SPTJM kebenaran data kelahiran",
                "Bila tidak ada surat keterangan kelahiran.",
                mandatory=False,
                kinds=PDF,
            ),
        ],
    ),
    _capil(
        "AKTA-MATI",
        "Penerbitan Akta Kematian",
        "Death certificate",
        days=1,
        description="Pencatatan kematian penduduk dan penerbitan kutipan akta kematian, yang diperlukan untuk waris, pensiun dan asuransi.",
        keywords="akta kematian akte kematian surat kematian meninggal dunia",
        product="Kutipan akta kematian bertanda tangan elektronik dan KK yang diperbarui.",
        requirements=[
            req("Surat keterangan kematian", "Dari rumah sakit, dokter, puskesmas atau kelurahan."),
            _KK,
            req("KTP-el almarhum", "Diserahkan kepada petugas bila ada.", mandatory=False),
        ],
    ),
    _capil(
        "AKTA-KAWIN",
        "Pencatatan Perkawinan dan Penerbitan Akta Perkawinan (Nonmuslim)",
        "Marriage registration for non-Muslims",
        days=3,
        description="Pencatatan perkawinan yang telah dilaksanakan menurut agama Kristen, Katolik, Hindu, Buddha, Khonghucu atau kepercayaan.",
        keywords="akta perkawinan akta nikah catatan sipil kristen katolik hindu buddha khonghucu",
        product="Kutipan akta perkawinan untuk masing-masing suami dan istri.",
        requirements=[
            req(
                "Surat keterangan telah terjadinya perkawinan",
                "Dari pemuka agama atau penghayat kepercayaan.",
            ),
            req("KTP-el kedua mempelai", "Pindaian KTP-el suami dan istri."),
            _KK,
            req("Pas foto berdampingan 4x6", "Berwarna, suami di sebelah kanan.", kinds=PHOTO),
            req(
                "Akta perceraian atau akta kematian pasangan terdahulu",
                "Bagi yang pernah kawin.",
                mandatory=False,
            ),
        ],
    ),
    _capil(
        "AKTA-CERAI",
        "Pencatatan Perceraian dan Penerbitan Akta Perceraian",
        "Divorce registration",
        days=3,
        description="Pencatatan perceraian nonmuslim berdasarkan putusan pengadilan negeri yang telah berkekuatan hukum tetap.",
        keywords="akta cerai akta perceraian putusan pengadilan negeri",
        product="Kutipan akta perceraian dan KK yang diperbarui.",
        requirements=[
            req(
                "Salinan putusan pengadilan berkekuatan hukum tetap",
                "Disertai surat keterangan berkekuatan hukum tetap.",
            ),
            req("Kutipan akta perkawinan asli", "Diserahkan kepada petugas."),
            _KTP,
            _KK,
        ],
    ),
    _capil(
        "PINDAH-KELUAR",
        "Penerbitan Surat Keterangan Pindah (SKPWNI)",
        "Certificate of moving out (SKPWNI)",
        days=1,
        description="Surat keterangan bagi penduduk Kota Probolinggo yang pindah alamat ke kabupaten/kota atau provinsi lain.",
        keywords="surat pindah skpwni pindah keluar pindah domisili",
        product="Surat Keterangan Pindah Warga Negara Indonesia bertanda tangan elektronik.",
        requirements=[
            _KK,
            req(
                "Alamat lengkap tujuan pindah",
                "Alamat, RT/RW, kelurahan dan kabupaten/kota tujuan.",
                kinds=PDF,
            ),
        ],
    ),
    _capil(
        "PINDAH-DATANG",
        "Pendaftaran Kedatangan Penduduk (Pindah Datang)",
        "Registration of incoming residents",
        days=1,
        description="Pendaftaran penduduk yang pindah dari daerah lain ke Kota Probolinggo, termasuk penerbitan KK dan KTP-el baru.",
        keywords="pindah datang kedatangan penduduk pindah masuk domisili probolinggo",
        product="Kartu Keluarga dan KTP-el dengan alamat Kota Probolinggo.",
        requirements=[
            req("Surat Keterangan Pindah (SKPWNI)", "Dari daerah asal."),
            req("KK tujuan", "Bila menumpang pada KK penduduk Kota Probolinggo.", mandatory=False),
        ],
    ),
    _capil(
        "PENGESAHAN-ANAK",
        "Pencatatan Pengakuan dan Pengesahan Anak",
        "Registration of child acknowledgement and legitimation",
        days=3,
        description="Pencatatan pengakuan anak oleh ayah biologis atau pengesahan anak setelah orang tuanya menikah secara sah.",
        keywords="pengakuan anak pengesahan anak akta kelahiran catatan pinggir",
        product="Catatan pinggir pada register dan kutipan akta kelahiran.",
        requirements=[
            req("Kutipan akta kelahiran anak", "Pindaian akta asli."),
            req("Kutipan akta perkawinan orang tua", "Untuk pengesahan anak."),
            req(
                "Penetapan pengadilan",
                "Untuk pengakuan anak yang dipersyaratkan penetapan pengadilan.",
                mandatory=False,
            ),
            _KK,
        ],
    ),
    _capil(
        "UBAH-NAMA",
        "Pencatatan Perubahan Nama",
        "Registration of a change of name",
        days=3,
        description="Pencatatan perubahan nama berdasarkan penetapan pengadilan negeri pada akta dan dokumen kependudukan.",
        keywords="ganti nama perubahan nama penetapan pengadilan",
        product="Catatan pinggir pada akta pencatatan sipil, serta KK dan KTP-el dengan nama baru.",
        requirements=[
            req("Salinan penetapan pengadilan negeri", "Tentang perubahan nama."),
            req("Kutipan akta pencatatan sipil asli", "Akta kelahiran atau akta lain yang namanya diubah."),
            _KK,
            _KTP,
        ],
        extra_law="Permendagri 73/2022 tentang Pencatatan Nama pada Dokumen Kependudukan",
    ),
    _capil(
        "PEMBETULAN-AKTA",
        "Pembetulan Akta Pencatatan Sipil",
        "Correction of civil registry certificates",
        days=3,
        description="Pembetulan kesalahan tulis redaksional pada akta pencatatan sipil berdasarkan dokumen autentik.",
        keywords="pembetulan akta salah tulis akta koreksi akta kelahiran",
        product="Kutipan akta hasil pembetulan.",
        requirements=[
            req("Kutipan akta yang akan dibetulkan", "Akta asli diserahkan kepada petugas."),
            req("Dokumen autentik pembanding", "Misalnya ijazah, KK atau buku nikah yang memuat data benar."),
            _KK,
        ],
    ),
    _capil(
        "PENGANGKATAN-ANAK",
        "Pencatatan Pengangkatan Anak",
        "Registration of child adoption",
        days=3,
        description="Pencatatan pengangkatan anak berdasarkan penetapan pengadilan pada register akta kelahiran anak.",
        keywords="adopsi anak angkat pengangkatan anak penetapan pengadilan",
        product="Catatan pinggir pengangkatan anak pada register dan kutipan akta kelahiran.",
        requirements=[
            req(
                "Salinan penetapan pengadilan tentang pengangkatan anak",
                "Yang telah berkekuatan hukum tetap.",
            ),
            req("Kutipan akta kelahiran anak", "Pindaian akta asli."),
            req("KK orang tua angkat", "Pindaian KK terbaru."),
        ],
    ),
    _capil(
        "KUTIPAN-KEDUA",
        "Penerbitan Kutipan Kedua Akta Pencatatan Sipil",
        "Second copy of a civil registry certificate",
        days=1,
        description="Penerbitan ulang akta kelahiran, kematian, perkawinan atau perceraian yang rusak atau hilang.",
        keywords="akta hilang akta rusak cetak ulang akta duplikat akta",
        product="Kutipan kedua akta pencatatan sipil bertanda tangan elektronik.",
        requirements=[
            _KK,
            req("Kutipan akta yang rusak", "Diserahkan bila akta rusak.", mandatory=False),
            req("Surat pernyataan kehilangan", "Bila akta hilang.", mandatory=False, kinds=PDF),
        ],
    ),
    _capil(
        "LEGALISIR-ADMINDUK",
        "Legalisasi Dokumen Kependudukan",
        "Certified copies of population documents",
        days=1,
        description="Legalisasi salinan akta dan KK yang masih berformat lama. Dokumen bertanda tangan elektronik tidak memerlukan legalisasi.",
        keywords="legalisir akta legalisir kk legalisasi dokumen kependudukan",
        product="Salinan dokumen kependudukan yang dilegalisasi.",
        requirements=[
            req("Dokumen asli", "Akta atau KK asli untuk dicocokkan."),
            req("Salinan dokumen", "Paling banyak 10 lembar per dokumen.", kinds=PDF),
        ],
    ),
    _capil(
        "IKD",
        "Aktivasi Identitas Kependudukan Digital (IKD)",
        "Activation of the digital identity (IKD)",
        days=1,
        description="Aktivasi KTP digital pada aplikasi IKD di ponsel pintar pemohon; pemohon membawa ponsel dengan nomor dan email aktif.",
        keywords="ikd ktp digital identitas kependudukan digital aktivasi",
        product="Akun Identitas Kependudukan Digital yang aktif di aplikasi IKD.",
        requirements=[_KTP, _KK],
        extra_law="Permendagri 72/2022",
        procedure=(
            "Pemohon memasang aplikasi IKD, petugas memverifikasi wajah dan data, lalu memindai kode QR "
            f"aktivasi dari ponsel pemohon. {_FREE_ADMINDUK}"
        ),
    ),
    _capil(
        "SKTT-WNA",
        "Penerbitan Surat Keterangan Tempat Tinggal (SKTT) bagi Orang Asing",
        "Residence certificate (SKTT) for foreigners",
        days=3,
        description="Pendaftaran orang asing pemegang izin tinggal terbatas yang bertempat tinggal di Kota Probolinggo.",
        keywords="sktt orang asing wna izin tinggal terbatas kitas",
        product="Surat Keterangan Tempat Tinggal bagi orang asing.",
        requirements=[
            req("Paspor", "Halaman identitas paspor yang masih berlaku."),
            req("Izin Tinggal Terbatas (ITAS)", "Dari kantor imigrasi."),
            req("Surat Tanda Melapor dari kepolisian", "Surat keterangan lapor diri orang asing."),
            req("Pas foto berwarna 4x6", "Latar belakang merah.", kinds=PHOTO),
        ],
    ),
]

# =========================================================================== Dinkes PPKB
DINKES = "dinkes-ppkb"
_HEALTH_LAW = (
    "UU 17/2023 tentang Kesehatan; PP 28/2024 tentang Peraturan Pelaksanaan UU 17/2023 tentang Kesehatan"
)
_LOCAL_TAX_LAW = (
    "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah; PP 35/2023 tentang "
    "Ketentuan Umum Pajak Daerah dan Retribusi Daerah; Peraturan Daerah Kota Probolinggo tentang Pajak "
    "Daerah dan Retribusi Daerah"
)

DINKES_SERVICES = [
    service(
        "PKP-PIRT",
        DINKES,
        "kesehatan",
        "Penyuluhan Keamanan Pangan (Sertifikat PKP) bagi Pelaku Usaha Pangan Rumah Tangga",
        "Food safety training certificate for home food producers",
        is_permit=False,
        description="Penyuluhan keamanan pangan yang menjadi syarat SPP-IRT. Peserta yang lulus evaluasi memperoleh sertifikat PKP.",
        keywords="pkp penyuluhan keamanan pangan sertifikat pkp pirt pelatihan pangan",
        days=10,
        product="Sertifikat Penyuluhan Keamanan Pangan atas nama pemilik atau penanggung jawab usaha.",
        procedure="Pemohon mendaftar di meja layanan, dijadwalkan pada angkatan penyuluhan terdekat, mengikuti penyuluhan dan evaluasi, lalu menerima sertifikat.",
        legal_basis=(
            f"UU 18/2012 tentang Pangan; PP 86/2019 tentang Keamanan Pangan; {_HEALTH_LAW}; Peraturan BPOM "
            "22/2018 tentang Pedoman Pemberian SPP-IRT."
        ),
        requirements=[
            req("KTP-el peserta", "Pemilik atau penanggung jawab produksi."),
            req("NIB usaha", "Bila sudah dimiliki.", mandatory=False),
            req("Daftar produk pangan", "Nama dan jenis produk yang akan didaftarkan.", kinds=PDF),
        ],
        steps=[
            step("Pendaftaran peserta", "front_office", 0),
            step("Penjadwalan peserta ke angkatan penyuluhan terdekat", "officer", 4),
            step("Penyuluhan keamanan pangan dan evaluasi tertulis", "technical_team", 2),
            step("Penilaian hasil evaluasi dan penyusunan sertifikat", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Kesehatan Masyarakat", "supervisor", 1),
            step("Penandatanganan sertifikat oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "IKL-TPP",
        DINKES,
        "kesehatan",
        "Inspeksi Kesehatan Lingkungan Tempat Pengelolaan Pangan",
        "Environmental health inspection of food premises",
        is_permit=False,
        description="Pemeriksaan higiene sanitasi rumah makan, jasa boga, depot air minum dan dapur sekolah sebagai dasar rekomendasi SLHS.",
        keywords="ikl inspeksi kesehatan lingkungan rumah makan depot air minum katering rekomendasi slhs",
        days=7,
        product="Berita acara dan rekomendasi hasil inspeksi kesehatan lingkungan.",
        procedure="Pemohon mendaftar, sanitarian menjadwalkan kunjungan, melakukan inspeksi dengan formulir baku dan mengambil sampel bila perlu, lalu menerbitkan rekomendasi.",
        legal_basis=(
            f"{_HEALTH_LAW}; Permenkes 2/2023 tentang Peraturan Pelaksanaan PP 66/2014 tentang Kesehatan Lingkungan."
        ),
        requirements=[
            req("KTP-el pemilik atau penanggung jawab", "Pindaian KTP-el."),
            req("NIB", "Nomor Induk Berusaha tempat pengelolaan pangan."),
            req("Denah dapur atau tempat produksi", "Menunjukkan alur bahan dan pembuangan limbah."),
        ],
        steps=[
            step("Pendaftaran dan pemeriksaan berkas", "front_office", 0),
            step("Penjadwalan inspeksi", "officer", 1),
            step("Inspeksi lapangan dan pengambilan sampel oleh sanitarian", "technical_team", 4),
            step("Pemeriksaan hasil oleh Kepala Bidang", "supervisor", 1),
            step("Penandatanganan rekomendasi oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "UJI-AIR",
        DINKES,
        "kesehatan",
        "Pemeriksaan Kualitas Air Minum dan Air untuk Keperluan Higiene Sanitasi di Labkesda",
        "Drinking and sanitation water testing at the regional health laboratory",
        is_permit=False,
        description="Pemeriksaan sampel air sumur, air PDAM atau depot air minum secara mikrobiologi dan kimia di Laboratorium Kesehatan Daerah.",
        keywords="uji air cek air labkesda laboratorium air minum bakteri e coli depot",
        days=7,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi pelayanan laboratorium dihitung per parameter yang diperiksa (misalnya total koliform, "
            "E. coli, pH, kekeruhan) sesuai tarif dalam Peraturan Daerah Kota Probolinggo tentang Pajak "
            "Daerah dan Retribusi Daerah, dan dibayar saat sampel diterima."
        ),
        product="Laporan Hasil Uji (LHU) laboratorium yang ditandatangani manajer teknis.",
        procedure="Pemohon menyerahkan sampel dalam wadah steril dari laboratorium, membayar retribusi, lalu laboratorium menguji dan menerbitkan laporan hasil uji.",
        legal_basis=(
            f"{_HEALTH_LAW}; Permenkes 2/2023 tentang Peraturan Pelaksanaan PP 66/2014 tentang Kesehatan "
            f"Lingkungan; {_LOCAL_TAX_LAW}."
        ),
        requirements=[
            req(
                "Formulir permintaan pemeriksaan",
                "Memuat lokasi pengambilan sampel dan parameter yang diminta.",
                kinds=PDF,
            ),
            req("KTP-el pemohon", "Pindaian KTP-el."),
        ],
        steps=[
            step("Penerimaan sampel, pengkodean dan pembayaran retribusi", "front_office", 0),
            step("Pemeriksaan mikrobiologi dan kimia di laboratorium", "technical_team", 5),
            step("Penyusunan laporan hasil uji", "officer", 1),
            step("Validasi laporan oleh manajer teknis laboratorium", "supervisor", 1),
        ],
    ),
    service(
        "KB-MOP-MOW",
        DINKES,
        "kesehatan",
        "Pendaftaran Pelayanan KB Metode Kontrasepsi Jangka Panjang (Implan, IUD, MOW dan MOP)",
        "Registration for long-acting family planning services",
        is_permit=False,
        description="Konseling dan pendaftaran pelayanan KB gratis untuk implan, IUD, tubektomi (MOW) dan vasektomi (MOP) di puskesmas atau RSUD.",
        keywords="kb gratis implan iud spiral steril vasektomi tubektomi mow mop keluarga berencana",
        days=3,
        product="Surat rujukan dan jadwal pelayanan KB di puskesmas atau RSUD dr. Mohamad Saleh.",
        procedure="Pemohon mendapat konseling dan skrining awal, lalu petugas menjadwalkan pelayanan dan menerbitkan surat rujukan.",
        legal_basis=(
            f"UU 52/2009 tentang Perkembangan Kependudukan dan Pembangunan Keluarga; {_HEALTH_LAW}."
        ),
        requirements=[
            _KTP,
            _KK,
            req("Kartu JKN-KIS", "Bila terdaftar sebagai peserta JKN.", mandatory=False),
        ],
        steps=[
            step("Pendaftaran dan pemeriksaan identitas", "front_office", 0),
            step("Konseling dan skrining kelayakan oleh bidan atau dokter", "technical_team", 1),
            step("Penjadwalan pelayanan dan penerbitan surat rujukan", "officer", 1),
            step("Persetujuan rujukan oleh Kepala Bidang Pengendalian Penduduk dan KB", "supervisor", 1),
        ],
    ),
]

# =========================================================================== DPUPR-PKP
PUPR = "dpupr-pkp"
_BG_LAW = (
    "UU 28/2002 tentang Bangunan Gedung sebagaimana diubah dengan UU 6/2023; PP 16/2021 tentang Peraturan "
    "Pelaksanaan UU 28/2002 tentang Bangunan Gedung"
)
_PBG_LEVY = (
    "Retribusi PBG dihitung per kasus melalui SimBG: luas total lantai x indeks lokalitas x standar harga "
    "satuan tertinggi (SHST) x indeks terintegrasi (fungsi, klasifikasi kompleksitas, permanensi, jumlah "
    "lantai) x indeks bangunan gedung terbangun, ditambah retribusi prasarana bangunan gedung sesuai "
    "volume, sesuai PP 16/2021 dan Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan Retribusi "
    "Daerah. Nilainya ditetapkan dalam SKRD dan PBG terbit setelah SKRD dibayar."
)


def _pbg(code, name, name_en, *, days, description, keywords, tpt_days, requirements):
    rest = days - tpt_days
    return service(
        code,
        PUPR,
        "bangunan-tata-ruang",
        name,
        name_en,
        is_permit=True,
        description=description,
        keywords=keywords,
        days=days,
        fee_kind="levy",
        levy_formula="pbg",
        levy_description=_PBG_LEVY,
        product="Persetujuan Bangunan Gedung beserta lampiran dokumen teknis dan nomor registrasi PBG dari SimBG.",
        procedure=(
            "Pemohon mendaftar dan mengunggah dokumen rencana teknis di SimBG (dapat didampingi di loket MPP). "
            "Tim Penilai Teknis atau Tim Profesi Ahli memeriksa dalam konsultasi, Dinas menerbitkan pernyataan "
            "pemenuhan standar teknis dan SKRD, lalu PBG terbit setelah retribusi dibayar."
        ),
        legal_basis=f"{_BG_LAW}; {_LOCAL_TAX_LAW}; Peraturan Wali Kota Probolinggo tentang Persetujuan Bangunan Gedung.",
        requirements=requirements,
        steps=[
            step("Pendaftaran dan pemeriksaan kelengkapan dokumen di SimBG", "front_office", 0),
            step("Verifikasi administrasi dan data tanah", "officer", rest // 4),
            step(
                "Konsultasi dan pemeriksaan dokumen rencana teknis oleh TPT/TPA", "technical_team", tpt_days
            ),
            step("Penerbitan pernyataan pemenuhan standar teknis", "supervisor", rest // 4),
            step("Perhitungan retribusi dan penerbitan SKRD", "officer", rest - 3 * (rest // 4)),
            step("Verifikasi pembayaran dan penandatanganan PBG", "head", rest // 4),
        ],
    )


_PBG_REQS = [
    req(
        "KTP-el pemohon dan pemilik bangunan",
        "Identitas pemohon; bila berbeda dengan pemilik tanah, lampirkan surat perjanjian pemanfaatan tanah.",
    ),
    req("Bukti kepemilikan tanah", "Sertifikat hak atas tanah atau dokumen penguasaan tanah lainnya."),
    req("Informasi tata ruang atau KKPR", "Keterangan peruntukan lokasi atau persetujuan KKPR."),
    req("Gambar arsitektur", "Denah, tampak, potongan dan situasi, dalam format PDF.", kinds=PDF),
]

PUPR_SERVICES = [
    _pbg(
        "PBG-HUNIAN",
        "Persetujuan Bangunan Gedung (PBG) Rumah Tinggal",
        "Building approval (PBG) for houses",
        days=14,
        tpt_days=6,
        description=(
            "Persetujuan untuk membangun baru, mengubah, memperluas atau merawat rumah tinggal tunggal dan "
            "deret sampai dua lantai. Pengganti IMB."
        ),
        keywords="pbg imb izin mendirikan bangunan rumah tinggal renovasi simbg",
        requirements=[
            *_PBG_REQS,
            req(
                "Gambar struktur sederhana",
                "Denah pondasi, kolom dan balok, atau desain prototipe rumah.",
                kinds=PDF,
            ),
            req("Foto lokasi", "Foto kondisi lahan atau bangunan eksisting.", kinds=PHOTO),
        ],
    ),
    _pbg(
        "PBG-NONHUNIAN",
        "Persetujuan Bangunan Gedung (PBG) Nonhunian dan Usaha",
        "Building approval (PBG) for non-residential buildings",
        days=28,
        tpt_days=16,
        description="Persetujuan bangunan gedung untuk ruko, toko, kantor, gudang, sekolah, rumah ibadah dan bangunan usaha lainnya.",
        keywords="pbg imb ruko gudang kantor pabrik bangunan usaha simbg",
        requirements=[
            *_PBG_REQS,
            req("Gambar dan perhitungan struktur", "Ditandatangani tenaga ahli bersertifikat.", kinds=PDF),
            req("Gambar mekanikal, elektrikal dan plambing", "Termasuk proteksi kebakaran.", kinds=PDF),
            req("Dokumen lingkungan", "SPPL, UKL-UPL atau persetujuan lingkungan sesuai skala kegiatan."),
            req("NIB", "Bagi bangunan untuk kegiatan usaha.", mandatory=False),
        ],
    ),
    service(
        "SLF",
        PUPR,
        "bangunan-tata-ruang",
        "Sertifikat Laik Fungsi (SLF) Bangunan Gedung",
        "Certificate of building fitness for use (SLF)",
        is_permit=True,
        description="Sertifikat bahwa bangunan gedung telah selesai dibangun sesuai PBG dan laik digunakan; diperlukan sebelum bangunan dimanfaatkan.",
        keywords="slf sertifikat laik fungsi bangunan kelaikan gedung",
        days=10,
        product="Sertifikat Laik Fungsi, label SLF dan Surat Bukti Kepemilikan Bangunan Gedung (SBKBG) bila dimohonkan.",
        procedure="Pemohon mengunggah laporan pemeriksaan kelaikan fungsi di SimBG; Dinas memverifikasi dan meninjau bangunan, lalu menerbitkan SLF tanpa biaya.",
        legal_basis=f"{_BG_LAW}; Peraturan Wali Kota Probolinggo tentang Persetujuan Bangunan Gedung.",
        requirements=[
            req("PBG atau IMB", "Persetujuan bangunan gedung yang telah terbit."),
            req(
                "Laporan pemeriksaan kelaikan fungsi",
                "Dari pengkaji teknis atau penyedia jasa pengawasan konstruksi.",
                kinds=PDF,
            ),
            req(
                "Gambar terbangun (as built drawing)", "Bagi bangunan nonhunian.", mandatory=False, kinds=PDF
            ),
            req("Foto bangunan", "Tampak depan, samping dan interior.", kinds=PHOTO),
        ],
        steps=[
            step("Pendaftaran dan pemeriksaan kelengkapan di SimBG", "front_office", 0),
            step("Verifikasi laporan pemeriksaan kelaikan fungsi", "officer", 2),
            step("Inspeksi lapangan oleh tim teknis", "technical_team", 5),
            step("Pemeriksaan oleh Kepala Bidang Tata Bangunan", "supervisor", 2),
            step("Penandatanganan SLF oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "KRK",
        PUPR,
        "bangunan-tata-ruang",
        "Keterangan Rencana Kota (KRK)",
        "City plan statement (KRK)",
        is_permit=False,
        description="Keterangan ketentuan teknis bangunan pada suatu persil (garis sempadan, KDB, KLB, KDH, ketinggian) sebagai dasar perencanaan bangunan.",
        keywords="krk keterangan rencana kota advis planning gsb kdb klb",
        days=5,
        product="Dokumen Keterangan Rencana Kota yang dapat digunakan dalam permohonan PBG.",
        procedure="Pemohon mengajukan di SimBG atau loket MPP dengan lokasi persil; petugas memetakan dan tim teknis menetapkan ketentuan teknis.",
        legal_basis=f"{_BG_LAW}; Peraturan Daerah Kota Probolinggo tentang Rencana Tata Ruang Wilayah Kota Probolinggo.",
        requirements=[
            _KTP,
            req("Bukti kepemilikan tanah", "Sertifikat atau dokumen penguasaan tanah."),
            req("Titik koordinat lokasi", "Koordinat dan sketsa lokasi persil.", kinds=PDF + PHOTO),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Pemetaan persil pada peta rencana", "officer", 2),
            step("Penetapan ketentuan teknis oleh tim teknis", "technical_team", 1),
            step("Pemeriksaan oleh Kepala Bidang Tata Bangunan", "supervisor", 1),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "SITEPLAN",
        PUPR,
        "bangunan-tata-ruang",
        "Pengesahan Rencana Tapak (Site Plan) Perumahan",
        "Approval of housing site plans",
        is_permit=True,
        description="Pengesahan rencana tapak bagi pengembang perumahan, termasuk rencana prasarana, sarana dan utilitas (PSU) yang akan diserahkan kepada Pemerintah Kota.",
        keywords="site plan siteplan rencana tapak perumahan pengembang psu",
        days=14,
        product="Rencana tapak yang disahkan beserta berita acara kesanggupan penyerahan PSU.",
        procedure="Pengembang mengajukan rencana tapak; tim teknis lintas perangkat daerah membahas dan meninjau lokasi, lalu rencana tapak disahkan.",
        legal_basis=(
            "UU 1/2011 tentang Perumahan dan Kawasan Permukiman sebagaimana diubah dengan UU 6/2023; PP 12/2021 "
            "tentang Penyelenggaraan Perumahan dan Kawasan Permukiman; Peraturan Daerah Kota Probolinggo tentang "
            "Penyediaan dan Penyerahan Prasarana, Sarana dan Utilitas Perumahan."
        ),
        requirements=[
            req("Akta pendirian dan NIB pengembang", "Badan usaha pengembang perumahan."),
            req("Persetujuan KKPR", "Untuk lokasi perumahan."),
            req("Bukti penguasaan tanah", "Sertifikat atau akta pelepasan hak."),
            req(
                "Gambar rencana tapak",
                "Termasuk jalan, saluran, ruang terbuka hijau dan fasilitas umum.",
                kinds=PDF,
            ),
            req(
                "Pertimbangan teknis peil banjir dan drainase",
                "Dari bidang sumber daya air.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Pembahasan dan peninjauan lokasi oleh tim teknis", "technical_team", 8),
            step("Pemeriksaan oleh Kepala Bidang Perumahan dan Kawasan Permukiman", "supervisor", 2),
            step("Pengesahan oleh Kepala Dinas", "head", 2),
        ],
    ),
    service(
        "RUMIJA",
        PUPR,
        "bangunan-tata-ruang",
        "Izin Pemanfaatan Ruang Milik Jalan Kota",
        "Permit to use city road reserves",
        is_permit=True,
        description="Izin penggunaan ruang milik jalan kota untuk jaringan utilitas (pipa, kabel), jalan masuk persil atau bangunan pelengkap.",
        keywords="rumija galian kabel pipa utilitas jalan masuk izin jalan",
        days=7,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi pemanfaatan aset daerah dihitung dari luas atau panjang ruang milik jalan yang digunakan "
            "dikalikan tarif per meter persegi atau per meter lari per tahun sesuai Peraturan Daerah Kota "
            "Probolinggo tentang Pajak Daerah dan Retribusi Daerah. Pemohon juga wajib mengembalikan kondisi jalan."
        ),
        product="Izin pemanfaatan ruang milik jalan beserta ketentuan teknis pelaksanaan dan jaminan pemulihan jalan.",
        procedure="Pemohon mengajukan dengan gambar rencana; tim teknis meninjau ruas jalan, Dinas menetapkan retribusi dan menerbitkan izin.",
        legal_basis=(
            "UU 38/2004 tentang Jalan sebagaimana diubah dengan UU 2/2022; PP 34/2006 tentang Jalan; "
            f"Permen PU 20/PRT/M/2010 tentang Pedoman Pemanfaatan dan Penggunaan Bagian-Bagian Jalan; {_LOCAL_TAX_LAW}."
        ),
        requirements=[
            req("Identitas pemohon dan NIB", "KTP-el atau akta badan usaha pemohon."),
            req(
                "Gambar rencana dan lokasi",
                "Trase utilitas atau rencana jalan masuk, potongan melintang jalan.",
                kinds=PDF,
            ),
            req("Jadwal dan metode pelaksanaan", "Termasuk rencana pengaturan lalu lintas.", kinds=PDF),
            req(
                "Surat pernyataan pemulihan jalan",
                "Kesanggupan mengembalikan kondisi jalan seperti semula.",
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 1),
            step("Peninjauan ruas jalan dan kajian teknis", "technical_team", 4),
            step("Penetapan retribusi dan pemeriksaan draf izin", "supervisor", 1),
            step("Penandatanganan izin oleh Kepala Dinas", "head", 1),
        ],
    ),
]

# =========================================================================== Dishub
DISHUB = "dishub"
_LLAJ_LAW = "UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan"

DISHUB_SERVICES = [
    service(
        "UJI-KIR",
        DISHUB,
        "transportasi",
        "Pengujian Berkala Kendaraan Bermotor (Uji KIR)",
        "Periodic roadworthiness test (KIR)",
        is_permit=False,
        description="Pengujian berkala setiap 6 bulan bagi mobil barang, mobil bus, mobil penumpang umum, kereta gandengan dan kereta tempelan.",
        keywords="uji kir kir kendaraan uji berkala blue pick up truk angkot",
        days=1,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi pengujian kendaraan bermotor dihitung menurut jenis kendaraan dan jumlah berat yang "
            "diperbolehkan (JBB) sesuai Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan Retribusi "
            "Daerah, dibayar nontunai sebelum pengujian."
        ),
        product="Kartu uji berkala elektronik (BLUe) dan stiker tanda lulus uji yang berlaku 6 bulan.",
        procedure="Pemilik mendaftar di loket MPP atau daring, membayar retribusi, membawa kendaraan ke UPT Pengujian sesuai jadwal; kendaraan yang lulus langsung mendapat BLUe.",
        legal_basis=(
            f"{_LLAJ_LAW}; PP 55/2012 tentang Kendaraan; Peraturan Menteri Perhubungan PM 19/2021 tentang "
            f"Pengujian Berkala Kendaraan Bermotor; {_LOCAL_TAX_LAW}."
        ),
        requirements=[
            req("STNK", "STNK kendaraan yang masih berlaku."),
            req("Kartu BLUe atau buku uji lama", "Untuk uji berkala perpanjangan.", mandatory=False),
            req("KTP-el pemilik atau surat kuasa", "Bila diuruskan pihak lain."),
            req(
                "Sertifikat registrasi uji tipe (SRUT)", "Untuk uji pertama kendaraan baru.", mandatory=False
            ),
        ],
        steps=[
            step("Pendaftaran dan verifikasi dokumen kendaraan", "front_office", 0),
            step("Pengujian fisik kendaraan di UPT Pengujian", "technical_team", 0),
            step("Perekaman hasil uji dan pencetakan kartu BLUe", "officer", 1),
            step("Pengesahan hasil uji oleh Kepala UPT", "supervisor", 0),
        ],
    ),
    service(
        "NUMPANG-UJI",
        DISHUB,
        "transportasi",
        "Numpang Uji dan Mutasi Uji Berkala Kendaraan Bermotor",
        "Transfer of periodic vehicle testing to another region",
        is_permit=False,
        description="Surat keterangan bagi kendaraan wajib uji yang akan diuji sementara atau dipindahkan pengujiannya ke daerah lain.",
        keywords="numpang uji mutasi uji kir pindah kir",
        days=3,
        product="Surat keterangan numpang uji atau mutasi uji beserta berkas kendaraan.",
        procedure="Pemilik mengajukan di loket; petugas memeriksa riwayat uji dan fisik kendaraan, lalu Kepala UPT menerbitkan surat keterangan.",
        legal_basis=f"{_LLAJ_LAW}; Peraturan Menteri Perhubungan PM 19/2021 tentang Pengujian Berkala Kendaraan Bermotor.",
        requirements=[
            req("STNK", "STNK kendaraan yang masih berlaku."),
            req("Kartu BLUe", "Kartu uji berkala terakhir."),
            req("Surat permohonan", "Menyebutkan daerah tujuan numpang atau mutasi uji.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Pemeriksaan riwayat uji dalam sistem", "officer", 1),
            step("Pemeriksaan fisik kendaraan", "technical_team", 1),
            step("Penandatanganan surat keterangan oleh Kepala UPT", "head", 1),
        ],
    ),
    service(
        "ANDALALIN",
        DISHUB,
        "transportasi",
        "Persetujuan Hasil Analisis Dampak Lalu Lintas (Andalalin)",
        "Approval of traffic impact analysis",
        is_permit=True,
        description="Persetujuan dokumen analisis dampak lalu lintas bagi pembangunan pusat kegiatan, permukiman atau infrastruktur yang menimbulkan bangkitan lalu lintas di jalan kota.",
        keywords="andalalin analisis dampak lalu lintas bangkitan lalu lintas",
        days=10,
        product="Surat persetujuan hasil andalalin beserta kewajiban pengembang dalam penanganan dampak lalu lintas.",
        procedure="Pengembang menyampaikan dokumen andalalin yang disusun tenaga ahli bersertifikat; tim evaluasi menilai dan meninjau lokasi, lalu persetujuan diterbitkan.",
        legal_basis=(
            f"{_LLAJ_LAW}; PP 30/2021 tentang Penyelenggaraan Bidang Lalu Lintas dan Angkutan Jalan; Peraturan "
            "Menteri Perhubungan PM 17/2021 tentang Penyelenggaraan Analisis Dampak Lalu Lintas."
        ),
        requirements=[
            req(
                "Dokumen hasil andalalin",
                "Disusun oleh tenaga ahli bersertifikat kompetensi andalalin.",
                kinds=PDF,
            ),
            req("Sertifikat kompetensi penyusun", "Salinan sertifikat tenaga ahli.", kinds=PDF),
            req("Persetujuan KKPR dan gambar rencana tapak", "Lokasi dan rencana kegiatan."),
            req(
                "Surat pernyataan kesanggupan",
                "Melaksanakan rekomendasi penanganan dampak lalu lintas.",
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan dokumen", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Penilaian dokumen dan peninjauan lokasi oleh tim evaluasi", "technical_team", 5),
            step("Pemeriksaan oleh Kepala Bidang Lalu Lintas", "supervisor", 2),
            step("Penandatanganan persetujuan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "IZIN-INSIDENTIL",
        DISHUB,
        "transportasi",
        "Izin Insidentil Angkutan Umum",
        "Incidental permit for public transport vehicles",
        is_permit=True,
        description="Izin bagi kendaraan angkutan umum yang digunakan sementara di luar trayeknya, misalnya untuk rombongan wisata atau menambah angkutan saat hari raya.",
        keywords="izin insidentil angkutan rombongan carter sewa angkot wisata",
        days=1,
        product="Kartu izin insidentil untuk satu kali perjalanan pergi pulang paling lama 14 hari.",
        procedure="Pengusaha angkutan mengajukan di loket dengan dokumen kendaraan; petugas memeriksa dan menerbitkan izin.",
        legal_basis=(
            f"{_LLAJ_LAW}; PP 74/2014 tentang Angkutan Jalan; Peraturan Menteri Perhubungan PM 15/2019 tentang "
            "Penyelenggaraan Angkutan Orang dengan Kendaraan Bermotor Umum dalam Trayek."
        ),
        requirements=[
            req("Izin penyelenggaraan angkutan dan kartu pengawasan", "Milik badan hukum angkutan."),
            req("Kartu BLUe yang masih berlaku", "Bukti lulus uji berkala."),
            req("Surat permohonan dan daftar tujuan perjalanan", "Tanggal dan tujuan perjalanan.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi kendaraan dan penerbitan kartu izin", "officer", 1),
            step("Penyerahan kartu izin insidentil", "front_office", 0),
        ],
    ),
    service(
        "IZIN-TKP",
        DISHUB,
        "transportasi",
        "Izin Penyelenggaraan Tempat Khusus Parkir",
        "Permit to operate off-street parking",
        is_permit=True,
        description="Izin bagi badan usaha atau perorangan yang menyelenggarakan parkir berbayar di luar badan jalan, misalnya pusat perbelanjaan dan rumah sakit.",
        keywords="izin parkir tempat khusus parkir pengelola parkir",
        days=7,
        product="Izin penyelenggaraan tempat khusus parkir, berlaku 5 tahun.",
        procedure="Pemohon mengajukan dengan denah parkir; tim teknis meninjau lokasi dan tata sirkulasi, lalu izin diterbitkan.",
        legal_basis=f"{_LLAJ_LAW}; PP 79/2013 tentang Jaringan Lalu Lintas dan Angkutan Jalan; {_LOCAL_TAX_LAW}.",
        requirements=[
            req("NIB dan akta badan usaha", "Identitas penyelenggara parkir."),
            req("Denah tata letak parkir", "Jumlah satuan ruang parkir, pintu masuk dan keluar.", kinds=PDF),
            req("Bukti penguasaan lahan", "Sertifikat atau perjanjian sewa."),
            req("Dokumen andalalin", "Bagi lokasi yang wajib andalalin.", mandatory=False, kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 1),
            step("Peninjauan lokasi dan tata sirkulasi", "technical_team", 4),
            step("Pemeriksaan oleh Kepala Bidang Lalu Lintas", "supervisor", 1),
            step("Penandatanganan izin oleh Kepala Dinas", "head", 1),
        ],
    ),
]

# =========================================================================== DLH
DLH = "dlh"
_PPLH_LAW = (
    "UU 32/2009 tentang Perlindungan dan Pengelolaan Lingkungan Hidup sebagaimana diubah dengan UU 6/2023; "
    "PP 22/2021 tentang Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup"
)

DLH_SERVICES = [
    service(
        "SPPL",
        DLH,
        "lingkungan-hidup",
        "Registrasi Surat Pernyataan Kesanggupan Pengelolaan dan Pemantauan Lingkungan Hidup (SPPL)",
        "Registration of environmental management statements (SPPL)",
        is_permit=True,
        description="Registrasi SPPL bagi usaha atau kegiatan yang tidak wajib Amdal atau UKL-UPL, melalui Amdalnet yang terhubung dengan OSS RBA.",
        keywords="sppl lingkungan hidup amdalnet izin lingkungan usaha kecil",
        days=3,
        product="Bukti registrasi SPPL sebagai persetujuan lingkungan.",
        procedure="Pelaku usaha mengisi SPPL di OSS RBA atau Amdalnet; petugas memeriksa kesesuaian jenis kegiatan dan dampaknya, lalu registrasi disahkan.",
        legal_basis=(
            f"{_PPLH_LAW}; Peraturan Menteri LHK 4/2021 tentang Daftar Usaha dan/atau Kegiatan yang Wajib "
            "Memiliki Amdal, UKL-UPL atau SPPL."
        ),
        requirements=[
            req("NIB", "Nomor Induk Berusaha dari OSS RBA."),
            req("Formulir SPPL", "Diisi dan ditandatangani penanggung jawab usaha.", kinds=PDF),
            req("Informasi tata ruang atau KKPR", "Kesesuaian lokasi kegiatan."),
        ],
        steps=[
            step("Penerimaan dan pendampingan pengisian SPPL", "front_office", 0),
            step("Pemeriksaan jenis kegiatan dan potensi dampak", "officer", 2),
            step("Pengesahan registrasi SPPL", "supervisor", 1),
        ],
    ),
    service(
        "UKL-UPL",
        DLH,
        "lingkungan-hidup",
        "Persetujuan Lingkungan atas Formulir UKL-UPL (PKPLH)",
        "Environmental approval for UKL-UPL documents",
        is_permit=True,
        description="Pemeriksaan formulir Upaya Pengelolaan dan Pemantauan Lingkungan Hidup dan penerbitan Persetujuan Kesesuaian Pengelolaan Lingkungan Hidup.",
        keywords="ukl upl pkplh persetujuan lingkungan dokumen lingkungan amdalnet",
        days=14,
        product="Persetujuan Kesesuaian Pengelolaan Lingkungan Hidup (PKPLH) yang terintegrasi dengan OSS RBA.",
        procedure="Pemrakarsa mengunggah formulir UKL-UPL di Amdalnet; DLH memeriksa administrasi dan substansi dalam rapat koordinasi, lalu menerbitkan PKPLH.",
        legal_basis=(
            f"{_PPLH_LAW}; Peraturan Menteri LHK 4/2021 tentang Daftar Usaha dan/atau Kegiatan yang Wajib "
            "Memiliki Amdal, UKL-UPL atau SPPL."
        ),
        requirements=[
            req("NIB", "Nomor Induk Berusaha dari OSS RBA."),
            req("Formulir UKL-UPL", "Disusun sesuai format Amdalnet.", kinds=PDF),
            req("Persetujuan KKPR", "Kesesuaian lokasi kegiatan."),
            req(
                "Persetujuan teknis",
                "Bila kegiatan membuang air limbah atau menyimpan limbah B3.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dokumen di Amdalnet", "front_office", 0),
            step("Uji administrasi", "officer", 2),
            step("Pemeriksaan substansi dan rapat koordinasi", "technical_team", 8),
            step("Penyusunan draf PKPLH", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Tata Lingkungan", "supervisor", 1),
            step("Penandatanganan PKPLH oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "PERTEK-AIR-LIMBAH",
        DLH,
        "lingkungan-hidup",
        "Persetujuan Teknis Pemenuhan Baku Mutu Air Limbah",
        "Technical approval for wastewater discharge",
        is_permit=True,
        description="Persetujuan teknis bagi usaha yang membuang air limbah ke badan air atau saluran kota, misalnya hotel, rumah sakit, klinik dan industri.",
        keywords="pertek air limbah ipal baku mutu pembuangan limbah cair",
        days=14,
        product="Persetujuan teknis pembuangan air limbah yang menjadi bagian persetujuan lingkungan.",
        procedure="Pemohon mengajukan kajian teknis melalui Amdalnet; tim memeriksa dan meninjau IPAL, lalu persetujuan teknis diterbitkan.",
        legal_basis=(
            f"{_PPLH_LAW}; Peraturan Menteri LHK 5/2021 tentang Tata Cara Penerbitan Persetujuan Teknis dan "
            "Surat Kelayakan Operasional Bidang Pengendalian Pencemaran Lingkungan."
        ),
        requirements=[
            req("NIB", "Nomor Induk Berusaha."),
            req(
                "Kajian teknis pembuangan air limbah",
                "Memuat debit, karakteristik dan desain IPAL.",
                kinds=PDF,
            ),
            req("Gambar desain IPAL", "Termasuk titik penaatan dan titik pembuangan.", kinds=PDF),
            req("Hasil uji laboratorium air limbah", "Dari laboratorium teregistrasi.", mandatory=False),
        ],
        steps=[
            step("Penerimaan dokumen", "front_office", 0),
            step("Uji administrasi", "officer", 2),
            step("Penilaian kajian teknis dan peninjauan IPAL", "technical_team", 8),
            step("Penyusunan draf persetujuan teknis", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Pengendalian Pencemaran", "supervisor", 1),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "RINTEK-LB3",
        DLH,
        "lingkungan-hidup",
        "Rincian Teknis Penyimpanan Limbah Bahan Berbahaya dan Beracun (B3)",
        "Technical specification for hazardous waste storage",
        is_permit=True,
        description="Rincian teknis bagi usaha yang menghasilkan dan menyimpan limbah B3, misalnya bengkel, klinik, laboratorium dan percetakan.",
        keywords="limbah b3 tps limbah b3 rintek penyimpanan limbah bengkel oli bekas medis",
        days=10,
        product="Rincian teknis penyimpanan limbah B3 yang menjadi bagian persetujuan lingkungan.",
        procedure="Pemohon menyampaikan data limbah B3 dan desain tempat penyimpanan; petugas memverifikasi dan meninjau lokasi, lalu rincian teknis diterbitkan.",
        legal_basis=(
            f"{_PPLH_LAW}; Peraturan Menteri LHK 6/2021 tentang Tata Cara dan Persyaratan Pengelolaan Limbah "
            "Bahan Berbahaya dan Beracun."
        ),
        requirements=[
            req("NIB", "Nomor Induk Berusaha."),
            req("Data jenis dan jumlah limbah B3", "Per bulan, beserta kode limbah.", kinds=PDF),
            req(
                "Desain dan foto tempat penyimpanan sementara limbah B3",
                "Termasuk simbol dan label limbah B3.",
            ),
            req(
                "Kontrak dengan pengangkut atau pengolah limbah B3 berizin",
                "Bila limbah diserahkan pihak ketiga.",
            ),
        ],
        steps=[
            step("Penerimaan dokumen", "front_office", 0),
            step("Verifikasi data limbah B3", "officer", 2),
            step("Peninjauan tempat penyimpanan", "technical_team", 5),
            step("Pemeriksaan oleh Kepala Bidang Pengendalian Pencemaran", "supervisor", 2),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "ANGKUT-SAMPAH",
        DLH,
        "lingkungan-hidup",
        "Pendaftaran Pelayanan Pengangkutan Sampah",
        "Registration for waste collection services",
        is_permit=False,
        description="Pendaftaran pengangkutan sampah rutin oleh DLH bagi usaha, kantor, sekolah, perumahan dan pasar di Kota Probolinggo.",
        keywords="angkut sampah retribusi sampah kebersihan persampahan langganan sampah",
        days=3,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi pelayanan kebersihan ditetapkan per bulan menurut jenis bangunan atau usaha dan volume "
            "sampah hasil survei, sesuai Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan Retribusi Daerah."
        ),
        product="Jadwal pengangkutan sampah dan SKRD retribusi pelayanan kebersihan.",
        procedure="Pemohon mendaftar, petugas menyurvei volume sampah dan menetapkan kelas tarif, lalu jadwal pengangkutan dan SKRD diterbitkan.",
        legal_basis=f"UU 18/2008 tentang Pengelolaan Sampah; PP 81/2012 tentang Pengelolaan Sampah Rumah Tangga dan Sampah Sejenis Sampah Rumah Tangga; {_LOCAL_TAX_LAW}.",
        requirements=[
            _KTP,
            req("NIB atau surat keterangan usaha", "Bagi pelanggan usaha.", mandatory=False),
            req(
                "Alamat dan titik lokasi pengambilan",
                "Beserta foto tempat penampungan sampah.",
                kinds=PHOTO + PDF,
            ),
        ],
        steps=[
            step("Pendaftaran pelanggan", "front_office", 0),
            step("Survei volume sampah dan penetapan kelas tarif", "officer", 2),
            step("Penetapan jadwal dan penerbitan SKRD", "supervisor", 1),
        ],
    ),
]

# =========================================================================== DKUP
DKUP = "dkup"

DKUP_SERVICES = [
    service(
        "TERA-UTTP",
        DKUP,
        "perizinan-usaha",
        "Tera dan Tera Ulang Alat Ukur, Takar, Timbang dan Perlengkapannya (UTTP)",
        "Verification and reverification of measuring instruments",
        is_permit=False,
        description="Pengujian dan pembubuhan tanda tera pada timbangan, meteran, takaran dan pompa ukur BBM yang digunakan dalam transaksi perdagangan.",
        keywords="tera tera ulang timbangan metrologi uttp takaran meteran pompa bbm",
        days=3,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi pelayanan tera dan tera ulang dihitung per jenis dan kapasitas UTTP (misalnya timbangan "
            "meja, timbangan sentisimal, pompa ukur BBM per nozzle) sesuai Peraturan Daerah Kota Probolinggo "
            "tentang Pajak Daerah dan Retribusi Daerah."
        ),
        product="Tanda tera sah yang dibubuhkan pada UTTP dan surat keterangan hasil pengujian.",
        procedure="Pemilik UTTP mendaftar di loket, membawa alat ke UPT Metrologi Legal atau dilayani di lokasi, membayar retribusi, lalu alat diuji dan dibubuhi tanda tera.",
        legal_basis=(
            "UU 2/1981 tentang Metrologi Legal; Peraturan Menteri Perdagangan tentang Tera dan Tera Ulang "
            f"Alat-Alat Ukur, Takar, Timbang, dan Perlengkapannya; {_LOCAL_TAX_LAW}."
        ),
        requirements=[
            _KTP,
            req("Daftar UTTP yang akan ditera", "Jenis, merek, kapasitas dan jumlah alat.", kinds=PDF),
            req("Surat keterangan hasil pengujian sebelumnya", "Untuk tera ulang.", mandatory=False),
        ],
        steps=[
            step("Pendaftaran dan penetapan retribusi", "front_office", 0),
            step("Pengujian dan pembubuhan tanda tera oleh penera", "technical_team", 2),
            step("Penerbitan surat keterangan hasil pengujian", "officer", 1),
        ],
    ),
    service(
        "MEREK-UMK",
        DKUP,
        "perizinan-usaha",
        "Fasilitasi Pendaftaran Merek bagi Usaha Mikro dan Kecil",
        "Trademark registration assistance for micro and small businesses",
        is_permit=False,
        completed_at_mpp=False,
        description="Pendampingan penelusuran dan pengajuan permohonan merek secara daring ke Direktorat Jenderal Kekayaan Intelektual bagi UMK Kota Probolinggo.",
        keywords="daftar merek haki hki merek dagang umkm djki",
        days=5,
        fee_kind="fixed",
        fees=[("PNBP permohonan merek usaha mikro dan kecil, per kelas, daring (dibayar ke DJKI)", 500000)],
        product="Bukti permohonan pendaftaran merek dari DJKI; sertifikat merek diterbitkan DJKI setelah pemeriksaan substantif.",
        procedure="Petugas menelusuri kemiripan merek di PDKI, membantu pengisian permohonan daring dan kode billing PNBP; pemeriksaan dan sertifikat diselesaikan oleh DJKI.",
        legal_basis=(
            "UU 20/2016 tentang Merek dan Indikasi Geografis sebagaimana diubah dengan UU 6/2023; PP 28/2019 "
            "tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan HAM beserta perubahannya."
        ),
        requirements=[
            _KTP,
            req("Surat keterangan usaha mikro atau kecil", "Atau NIB dengan skala usaha mikro/kecil."),
            req("Etiket atau logo merek", "Gambar merek berwarna, resolusi jelas.", kinds=PHOTO),
            req("Surat pernyataan kepemilikan merek", "Ditandatangani pemohon.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan berkas dan konsultasi kelas barang/jasa", "front_office", 0),
            step("Penelusuran kemiripan merek di PDKI", "officer", 2),
            step("Pengisian permohonan daring dan pembuatan kode billing PNBP", "officer", 2),
            step("Pemeriksaan dan pengiriman permohonan", "supervisor", 1),
        ],
    ),
    service(
        "KOPERASI-BH",
        DKUP,
        "perizinan-usaha",
        "Fasilitasi Pendirian dan Perubahan Anggaran Dasar Koperasi",
        "Assistance with establishing a cooperative or amending its articles",
        is_permit=False,
        completed_at_mpp=False,
        description=(
            "Penyuluhan perkoperasian dan pendampingan rapat pendirian atau perubahan anggaran dasar, "
            "termasuk Koperasi Kelurahan Merah Putih, sebelum akta dibuat notaris pembuat akta koperasi."
        ),
        keywords="pendirian koperasi badan hukum koperasi anggaran dasar koperasi merah putih notaris",
        days=7,
        product="Surat keterangan telah mengikuti penyuluhan dan pendampingan; akta dan pengesahan badan hukum diterbitkan notaris dan Kementerian Hukum.",
        procedure="Pendiri mendaftar, mengikuti penyuluhan, didampingi dalam rapat pendirian, lalu berkas diteruskan kepada notaris pembuat akta koperasi.",
        legal_basis=(
            "UU 25/1992 tentang Perkoperasian sebagaimana diubah dengan UU 6/2023; PP 7/2021 tentang Kemudahan, "
            "Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah; Peraturan Menteri "
            "Koperasi dan UKM 9/2018 tentang Penyelenggaraan dan Pembinaan Perkoperasian."
        ),
        requirements=[
            req(
                "Daftar calon anggota dan KTP-el", "Paling sedikit 9 orang untuk koperasi primer.", kinds=PDF
            ),
            req("Rancangan anggaran dasar", "Disusun para pendiri.", kinds=PDF),
            req(
                "Notulen atau berita acara rapat",
                "Rapat pendirian atau rapat anggota perubahan anggaran dasar.",
                kinds=PDF,
            ),
            req("Rencana kegiatan usaha", "Paling sedikit untuk 3 tahun.", kinds=PDF, mandatory=False),
        ],
        steps=[
            step("Pendaftaran dan pemeriksaan berkas", "front_office", 0),
            step("Penyuluhan perkoperasian dan pendampingan rapat", "technical_team", 3),
            step("Verifikasi dokumen rapat dan anggaran dasar", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Koperasi dan UKM", "supervisor", 1),
            step("Penandatanganan surat keterangan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "KARTU-PEDAGANG",
        DKUP,
        "perizinan-usaha",
        "Penerbitan Kartu Izin Penempatan Pedagang Pasar Rakyat",
        "Trader placement card for public markets",
        is_permit=True,
        description="Izin menempati kios, los atau pelataran di pasar rakyat milik Pemerintah Kota Probolinggo, termasuk balik nama dan perpanjangan.",
        keywords="kartu pedagang kios pasar los pasar izin berjualan pasar retribusi pasar",
        days=5,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi pemakaian tempat di pasar dihitung dari luas kios atau los dikalikan tarif per meter "
            "persegi per hari menurut kelas pasar, sesuai Peraturan Daerah Kota Probolinggo tentang Pajak "
            "Daerah dan Retribusi Daerah."
        ),
        product="Kartu izin penempatan pedagang yang berlaku 3 tahun.",
        procedure="Pedagang mengajukan di loket; kepala pasar memverifikasi ketersediaan tempat dan mengukur luas, lalu kartu diterbitkan setelah SKRD pertama dibayar.",
        legal_basis=(
            "Perpres 112/2007 tentang Penataan dan Pembinaan Pasar Tradisional, Pusat Perbelanjaan dan Toko "
            f"Modern; {_LOCAL_TAX_LAW}; Peraturan Daerah Kota Probolinggo tentang Pengelolaan Pasar Rakyat."
        ),
        requirements=[
            _KTP,
            _KK,
            req("Pas foto berwarna 3x4", "Latar belakang bebas.", kinds=PHOTO),
            req("Kartu lama", "Untuk perpanjangan atau balik nama.", mandatory=False),
            req(
                "Surat pernyataan pengalihan",
                "Untuk balik nama kepada ahli waris atau pihak lain.",
                mandatory=False,
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi ketersediaan kios atau los", "officer", 2),
            step("Pengukuran tempat dan penetapan retribusi oleh kepala pasar", "technical_team", 1),
            step("Pemeriksaan oleh Kepala Bidang Perdagangan", "supervisor", 1),
            step("Penandatanganan kartu oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "KURASI-UMKM",
        DKUP,
        "perizinan-usaha",
        "Pendataan dan Kurasi Produk UMKM",
        "Registration and curation of micro and small business products",
        is_permit=False,
        description="Pendataan usaha mikro dan kecil ke basis data UMKM serta kurasi produk untuk pameran, galeri UMKM dan katalog elektronik.",
        keywords="data umkm kurasi produk galeri umkm pameran e katalog",
        days=5,
        product="Nomor pendataan UMKM dan hasil kurasi produk beserta rekomendasi perbaikan.",
        procedure="Pelaku usaha mendaftar dan membawa contoh produk; tim kurator menilai kemasan, label dan mutu, lalu hasil kurasi disampaikan.",
        legal_basis="PP 7/2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah.",
        requirements=[
            _KTP,
            req("NIB", "Nomor Induk Berusaha usaha mikro atau kecil."),
            req("Foto produk dan kemasan", "Tampak depan, belakang dan label.", kinds=PHOTO),
            req("Izin edar produk", "SPP-IRT, sertifikat halal atau izin BPOM bila ada.", mandatory=False),
        ],
        steps=[
            step("Pendaftaran dan pemeriksaan berkas", "front_office", 0),
            step("Perekaman data ke basis data UMKM", "officer", 2),
            step("Kurasi produk oleh tim kurator", "technical_team", 2),
            step("Pengesahan hasil kurasi", "supervisor", 1),
        ],
    ),
]

# =========================================================================== Disnaker
NAKER = "disnaker"
_NAKER_LAW = "UU 13/2003 tentang Ketenagakerjaan sebagaimana diubah dengan UU 6/2023"

NAKER_SERVICES = [
    service(
        "AK1",
        NAKER,
        "ketenagakerjaan",
        "Kartu Tanda Bukti Pendaftaran Pencari Kerja (Kartu Kuning AK/1)",
        "Job seeker registration card (AK/1)",
        is_permit=False,
        description="Kartu pencari kerja yang sering disyaratkan untuk melamar pekerjaan di instansi pemerintah, BUMN atau perusahaan swasta.",
        keywords="kartu kuning ak1 ak/1 pencari kerja pencaker lamaran kerja",
        days=1,
        product="Kartu AK/1 yang berlaku 2 tahun dengan kewajiban lapor setiap 6 bulan.",
        procedure="Pencari kerja mendaftar di SIAPkerja atau loket MPP, petugas memverifikasi data dan ijazah, lalu kartu AK/1 dicetak.",
        legal_basis=f"{_NAKER_LAW}; Permenaker 39/2016 tentang Penempatan Tenaga Kerja.",
        requirements=[
            _KTP,
            req("Ijazah pendidikan terakhir", "Pindaian ijazah asli."),
            req("Pas foto berwarna 3x4", "Latar belakang merah.", kinds=PHOTO),
            req("Sertifikat keahlian atau pelatihan", "Bila ada.", mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi data dan perekaman di SIAPkerja", "officer", 1),
            step("Pencetakan dan penyerahan kartu AK/1", "front_office", 0),
        ],
    ),
    service(
        "WLKP",
        NAKER,
        "ketenagakerjaan",
        "Wajib Lapor Ketenagakerjaan di Perusahaan (WLKP)",
        "Mandatory company employment report (WLKP)",
        is_permit=False,
        description="Pendampingan perusahaan menyampaikan laporan ketenagakerjaan secara daring saat pendirian dan setiap tahun.",
        keywords="wlkp wajib lapor ketenagakerjaan perusahaan laporan tenaga kerja",
        days=1,
        product="Bukti pelaporan WLKP daring yang telah divalidasi.",
        procedure="Perusahaan mengisi WLKP daring; petugas memverifikasi data dan memvalidasi laporan.",
        legal_basis="UU 7/1981 tentang Wajib Lapor Ketenagakerjaan di Perusahaan; Permenaker 18/2017 tentang Tata Cara Wajib Lapor Ketenagakerjaan di Perusahaan dalam Jaringan.",
        requirements=[
            req("NIB perusahaan", "Nomor Induk Berusaha."),
            req(
                "Data tenaga kerja",
                "Jumlah pekerja menurut jenis kelamin, pendidikan dan status hubungan kerja.",
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pendampingan pengisian", "front_office", 0),
            step("Verifikasi dan validasi laporan", "officer", 1),
            step("Penyerahan bukti pelaporan", "front_office", 0),
        ],
    ),
    service(
        "PENGESAHAN-PP",
        NAKER,
        "ketenagakerjaan",
        "Pengesahan Peraturan Perusahaan",
        "Approval of company regulations",
        is_permit=False,
        description="Pengesahan peraturan perusahaan bagi perusahaan yang mempekerjakan paling sedikit 10 pekerja dan berdomisili di Kota Probolinggo.",
        keywords="peraturan perusahaan pengesahan pp perusahaan aturan kerja",
        days=7,
        product="Keputusan pengesahan peraturan perusahaan yang berlaku 2 tahun.",
        procedure="Perusahaan mengajukan naskah peraturan perusahaan; petugas memeriksa kesesuaian dengan peraturan perundang-undangan, lalu Kepala Dinas mengesahkan.",
        legal_basis=(
            f"{_NAKER_LAW}; PP 35/2021 tentang Perjanjian Kerja Waktu Tertentu, Alih Daya, Waktu Kerja dan Waktu "
            "Istirahat, dan Pemutusan Hubungan Kerja; Permenaker 28/2014 tentang Tata Cara Pembuatan dan "
            "Pengesahan Peraturan Perusahaan serta Pembuatan dan Pendaftaran Perjanjian Kerja Bersama."
        ),
        requirements=[
            req("Naskah peraturan perusahaan", "Ditandatangani pimpinan perusahaan.", kinds=PDF),
            req(
                "Bukti saran dan pertimbangan wakil pekerja", "Atau serikat pekerja di perusahaan.", kinds=PDF
            ),
            req("NIB dan bukti WLKP", "Identitas dan laporan ketenagakerjaan perusahaan."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Pemeriksaan substansi oleh mediator hubungan industrial", "technical_team", 3),
            step("Pemeriksaan oleh Kepala Bidang Hubungan Industrial", "supervisor", 1),
            step("Penandatanganan keputusan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "PENDAFTARAN-PKB",
        NAKER,
        "ketenagakerjaan",
        "Pendaftaran Perjanjian Kerja Bersama (PKB)",
        "Registration of collective labour agreements",
        is_permit=False,
        description="Pendaftaran perjanjian kerja bersama yang dibuat serikat pekerja dan pengusaha di Kota Probolinggo.",
        keywords="pkb perjanjian kerja bersama serikat pekerja",
        days=6,
        product="Surat keputusan pendaftaran PKB.",
        procedure="Para pihak menyerahkan naskah PKB; petugas memeriksa kelengkapan dan isi, lalu Kepala Dinas menerbitkan keputusan pendaftaran.",
        legal_basis=(
            f"{_NAKER_LAW}; Permenaker 28/2014 tentang Tata Cara Pembuatan dan Pengesahan Peraturan Perusahaan "
            "serta Pembuatan dan Pendaftaran Perjanjian Kerja Bersama."
        ),
        requirements=[
            req("Naskah PKB", "Ditandatangani pengusaha dan serikat pekerja.", kinds=PDF),
            req("Bukti pencatatan serikat pekerja", "Nomor bukti pencatatan.", kinds=PDF),
            req("Bukti keanggotaan serikat pekerja", "Untuk menentukan keabsahan perunding.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Pemeriksaan substansi PKB", "technical_team", 2),
            step("Pemeriksaan oleh Kepala Bidang Hubungan Industrial", "supervisor", 1),
            step("Penandatanganan keputusan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "PENCATATAN-SP",
        NAKER,
        "ketenagakerjaan",
        "Pencatatan Serikat Pekerja/Serikat Buruh",
        "Registration of trade unions",
        is_permit=False,
        description="Pencatatan serikat pekerja atau serikat buruh di perusahaan atau di luar perusahaan yang berkedudukan di Kota Probolinggo.",
        keywords="serikat pekerja serikat buruh pencatatan sp sb nomor bukti pencatatan",
        days=21,
        product="Nomor bukti pencatatan serikat pekerja/serikat buruh.",
        procedure="Pengurus menyampaikan permohonan; petugas meneliti anggaran dasar, kepengurusan dan keanggotaan, lalu memberikan nomor bukti pencatatan.",
        legal_basis=(
            "UU 21/2000 tentang Serikat Pekerja/Serikat Buruh; Keputusan Menakertrans KEP.16/MEN/2001 tentang "
            "Tata Cara Pencatatan Serikat Pekerja/Serikat Buruh."
        ),
        requirements=[
            req("Daftar nama anggota pembentuk", "Paling sedikit 10 orang pekerja.", kinds=PDF),
            req("Anggaran dasar dan anggaran rumah tangga", "Hasil rapat pembentukan.", kinds=PDF),
            req("Susunan dan nama pengurus", "Disertai KTP-el pengurus.", kinds=PDF),
            req("Berita acara pembentukan", "Ditandatangani pembentuk.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 5),
            step("Penelitian kepengurusan dan keanggotaan", "technical_team", 10),
            step("Penyusunan bukti pencatatan", "officer", 3),
            step("Pemeriksaan oleh Kepala Bidang Hubungan Industrial", "supervisor", 2),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "MEDIASI-PHI",
        NAKER,
        "ketenagakerjaan",
        "Pencatatan Perselisihan dan Mediasi Hubungan Industrial",
        "Registration and mediation of industrial disputes",
        is_permit=False,
        description=(
            "Penyelesaian perselisihan hak, kepentingan, pemutusan hubungan kerja atau antar serikat pekerja "
            "melalui mediator, setelah perundingan bipartit tidak berhasil."
        ),
        keywords="mediasi phk perselisihan hubungan industrial pesangon bipartit tripartit mediator",
        days=30,
        product="Perjanjian Bersama yang didaftarkan di Pengadilan Hubungan Industrial, atau anjuran tertulis mediator.",
        procedure="Salah satu pihak mencatatkan perselisihan dengan bukti bipartit; mediator ditunjuk, meneliti perkara dan memanggil para pihak, lalu mediasi selesai paling lama 30 hari kerja.",
        legal_basis=(
            "UU 2/2004 tentang Penyelesaian Perselisihan Hubungan Industrial; Permenaker 17/2014 tentang "
            "Pengangkatan dan Pemberhentian Mediator Hubungan Industrial serta Tata Kerja Mediasi."
        ),
        requirements=[
            req("Surat pencatatan perselisihan", "Menguraikan pokok perselisihan.", kinds=PDF),
            req(
                "Risalah perundingan bipartit",
                "Bukti perundingan bipartit telah dilakukan dan gagal.",
                kinds=PDF,
            ),
            req("Identitas para pihak", "KTP-el pekerja dan identitas perusahaan."),
            req("Bukti pendukung", "Perjanjian kerja, slip upah atau surat PHK.", mandatory=False),
        ],
        steps=[
            step("Pencatatan perselisihan", "front_office", 0),
            step("Penunjukan mediator", "supervisor", 1),
            step("Penelitian duduk perkara dan pemanggilan para pihak", "technical_team", 6),
            step("Sidang mediasi", "technical_team", 20),
            step("Penyusunan perjanjian bersama atau anjuran tertulis", "officer", 2),
            step("Pengesahan administrasi oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "REKOM-PASPOR-PMI",
        NAKER,
        "ketenagakerjaan",
        "Rekomendasi Paspor bagi Calon Pekerja Migran Indonesia",
        "Passport recommendation for prospective migrant workers",
        is_permit=False,
        description="Surat rekomendasi untuk permohonan paspor di kantor imigrasi bagi calon pekerja migran yang telah terdaftar di SISKOP2MI.",
        keywords="rekom paspor pmi tki tkw pekerja migran cpmi",
        days=1,
        product="Surat rekomendasi pembuatan paspor bagi calon pekerja migran Indonesia.",
        procedure="Calon pekerja migran membawa berkas; petugas memverifikasi data di SISKOP2MI dan menerbitkan rekomendasi.",
        legal_basis="UU 18/2017 tentang Pelindungan Pekerja Migran Indonesia; Permenaker 9/2019 tentang Tata Cara Penempatan Pekerja Migran Indonesia.",
        requirements=[
            _KTP,
            _KK,
            req("Surat izin orang tua, suami atau istri", "Diketahui lurah.", kinds=PDF),
            req("Bukti pendaftaran di SISKOP2MI", "Nomor ID calon pekerja migran.", kinds=PDF),
            req("Surat keterangan sehat", "Dari sarana kesehatan yang ditunjuk.", mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi data di SISKOP2MI dan penerbitan rekomendasi", "officer", 1),
            step("Penyerahan surat rekomendasi", "front_office", 0),
        ],
    ),
    service(
        "RETRIBUSI-TKA",
        NAKER,
        "ketenagakerjaan",
        "Penetapan Retribusi Perpanjangan Penggunaan Tenaga Kerja Asing",
        "Levy assessment for extending the employment of foreign workers",
        is_permit=False,
        description="Penetapan retribusi bagi pemberi kerja yang memperpanjang pengesahan RPTKA untuk tenaga kerja asing yang bekerja di Kota Probolinggo.",
        keywords="tka tenaga kerja asing rptka retribusi tka dkptka",
        days=3,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Retribusi perpanjangan pengesahan RPTKA sebesar USD 100 per tenaga kerja asing per bulan selama "
            "masa perpanjangan, dibayar dalam rupiah dengan kurs yang ditetapkan, sesuai Peraturan Daerah Kota "
            "Probolinggo tentang Pajak Daerah dan Retribusi Daerah."
        ),
        product="Surat Ketetapan Retribusi Daerah (SKRD) dan bukti pembayaran yang diteruskan ke sistem TKA Online.",
        procedure="Pemberi kerja menyampaikan notifikasi perpanjangan RPTKA; petugas memverifikasi data TKA, menerbitkan SKRD, lalu bukti bayar divalidasi.",
        legal_basis=f"{_NAKER_LAW}; PP 34/2021 tentang Penggunaan Tenaga Kerja Asing; {_LOCAL_TAX_LAW}.",
        requirements=[
            req(
                "Pengesahan perpanjangan RPTKA",
                "Dari Kementerian Ketenagakerjaan melalui TKA Online.",
                kinds=PDF,
            ),
            req("Paspor dan izin tinggal TKA", "Halaman identitas dan ITAS.", kinds=PDF),
            req("NIB pemberi kerja", "Nomor Induk Berusaha."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi data TKA dan masa perpanjangan", "officer", 1),
            step("Penghitungan dan pemeriksaan SKRD", "supervisor", 1),
            step("Penandatanganan SKRD oleh Kepala Dinas", "head", 1),
        ],
    ),
]

# =========================================================================== Bakesbangpol
KESBANG = "bakesbangpol"
_ORMAS_LAW = (
    "UU 17/2013 tentang Organisasi Kemasyarakatan sebagaimana diubah dengan UU 16/2017; PP 58/2016 tentang "
    "Pelaksanaan UU 17/2013; Permendagri 57/2017 tentang Pendaftaran dan Pengelolaan Sistem Informasi "
    "Organisasi Kemasyarakatan"
)

KESBANG_SERVICES = [
    service(
        "SKT-ORMAS",
        KESBANG,
        "ormas",
        "Pendaftaran Organisasi Kemasyarakatan (Surat Keterangan Terdaftar)",
        "Registration of civil society organisations (SKT)",
        is_permit=False,
        description="Pendaftaran ormas tidak berbadan hukum yang lingkup kegiatannya di Kota Probolinggo, melalui aplikasi A_ormas.",
        keywords="skt ormas surat keterangan terdaftar organisasi kemasyarakatan lsm paguyuban a_ormas",
        days=15,
        product="Surat Keterangan Terdaftar (SKT) ormas yang berlaku 5 tahun dan tercatat di basis data publik A_ormas.",
        procedure="Pengurus mengajukan melalui A_ormas atau loket MPP; petugas memverifikasi dokumen dan keberadaan sekretariat, lalu SKT diterbitkan.",
        legal_basis=f"{_ORMAS_LAW}.",
        requirements=[
            req("Akta pendirian", "Dikeluarkan notaris, memuat AD/ART.", kinds=PDF),
            req("Program kerja", "Program kerja ormas.", kinds=PDF),
            req("Susunan pengurus dan KTP-el pengurus", "Ketua, sekretaris dan bendahara.", kinds=PDF),
            req("Surat keterangan domisili sekretariat", "Dari lurah atau camat.", kinds=PDF),
            req("NPWP atas nama ormas", "Nomor pokok wajib pajak ormas."),
            req(
                "Surat pernyataan",
                "Tidak dalam sengketa kepengurusan dan bersedia melaporkan kegiatan.",
                kinds=PDF,
            ),
            req("Foto kantor atau sekretariat", "Tampak depan dengan papan nama.", kinds=PHOTO),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan di A_ormas", "front_office", 0),
            step("Verifikasi administrasi dokumen", "officer", 3),
            step("Verifikasi faktual sekretariat dan klarifikasi pengurus", "technical_team", 8),
            step("Penyusunan draf SKT", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Ormas", "supervisor", 1),
            step("Penandatanganan SKT oleh Kepala Badan", "head", 1),
        ],
    ),
    service(
        "SKP-PENELITIAN",
        KESBANG,
        "ormas",
        "Surat Keterangan Penelitian",
        "Research clearance letter",
        is_permit=False,
        description="Surat keterangan bagi mahasiswa, peneliti atau lembaga yang akan melakukan penelitian, survei atau pengumpulan data di Kota Probolinggo.",
        keywords="surat izin penelitian rekomendasi penelitian skripsi tesis survei riset",
        days=5,
        product="Surat Keterangan Penelitian yang ditujukan kepada perangkat daerah atau lokasi penelitian.",
        procedure="Pemohon mengajukan di loket atau daring dengan proposal; petugas memverifikasi dan menerbitkan surat keterangan.",
        legal_basis="Permendagri 3/2018 tentang Penerbitan Surat Keterangan Penelitian.",
        requirements=[
            req(
                "Surat pengantar dari perguruan tinggi atau lembaga",
                "Ditujukan kepada Kepala Bakesbangpol.",
                kinds=PDF,
            ),
            req("Proposal penelitian", "Memuat judul, tujuan, lokasi, waktu dan metode.", kinds=PDF),
            _KTP,
            req("Surat pernyataan mematuhi ketentuan", "Ditandatangani peneliti.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi proposal dan lokasi penelitian", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang", "supervisor", 2),
            step("Penandatanganan oleh Kepala Badan", "head", 1),
        ],
    ),
    service(
        "LAPOR-ORMAS-BH",
        KESBANG,
        "ormas",
        "Pelaporan Keberadaan Ormas Berbadan Hukum dan Perubahan Kepengurusan",
        "Reporting of incorporated organisations and changes of board",
        is_permit=False,
        description="Pencatatan keberadaan cabang atau kepengurusan ormas berbadan hukum (perkumpulan atau yayasan) yang berkegiatan di Kota Probolinggo.",
        keywords="lapor ormas berbadan hukum yayasan perkumpulan perubahan pengurus",
        days=7,
        product="Surat tanda penerimaan laporan keberadaan ormas dan pencatatan di A_ormas.",
        procedure="Pengurus menyampaikan laporan beserta dokumen badan hukum; petugas memverifikasi dan mencatat dalam A_ormas.",
        legal_basis=f"{_ORMAS_LAW}.",
        requirements=[
            req("SK pengesahan badan hukum dari Kementerian Hukum", "Perkumpulan atau yayasan.", kinds=PDF),
            req("Surat keputusan susunan pengurus daerah", "Dari pengurus pusat atau wilayah.", kinds=PDF),
            req("Surat keterangan domisili sekretariat", "Dari lurah atau camat.", kinds=PDF),
            req("Program kerja", "Program kerja di Kota Probolinggo.", kinds=PDF, mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi dokumen dan pencatatan di A_ormas", "officer", 3),
            step("Pemeriksaan oleh Kepala Bidang", "supervisor", 2),
            step("Penandatanganan tanda penerimaan oleh Kepala Badan", "head", 2),
        ],
    ),
]

# =========================================================================== BPPKAD
BPPKAD = "bppkad"


def _pbb_steps() -> list[dict]:
    return [
        step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
        step("Penelitian lapangan dan pengukuran objek pajak", "technical_team", 3),
        step("Perekaman SPOP/LSPOP dan penetapan NJOP di SISMIOP", "officer", 2),
        step("Pemeriksaan oleh Kepala Bidang Pendapatan", "supervisor", 1),
        step("Penandatanganan SPPT oleh Kepala Badan", "head", 1),
    ]


BPPKAD_SERVICES = [
    service(
        "PBB-DAFTAR",
        BPPKAD,
        "pajak-retribusi",
        "Pendaftaran Objek Pajak Baru PBB-P2",
        "Registration of a new land and building tax object",
        is_permit=False,
        description="Pendaftaran bumi dan/atau bangunan yang belum memiliki Nomor Objek Pajak (NOP) PBB-P2 di Kota Probolinggo.",
        keywords="pbb nop baru daftar pbb sppt baru pajak bumi bangunan",
        days=7,
        product="NOP baru dan SPPT PBB-P2 tahun berjalan.",
        procedure="Wajib pajak mengisi SPOP/LSPOP di loket; petugas meneliti lapangan, menetapkan NJOP dan menerbitkan SPPT.",
        legal_basis=f"{_LOCAL_TAX_LAW}; Peraturan Wali Kota Probolinggo tentang Tata Cara Pemungutan PBB-P2.",
        requirements=[
            _KTP,
            req("Bukti kepemilikan tanah", "Sertifikat, akta jual beli atau surat keterangan tanah."),
            req("SPOP dan LSPOP", "Diisi dan ditandatangani wajib pajak.", kinds=PDF),
            req("PBG atau IMB", "Bila terdapat bangunan.", mandatory=False),
            req("Denah lokasi objek", "Sketsa atau titik koordinat.", kinds=PDF + PHOTO),
        ],
        steps=_pbb_steps(),
    ),
    service(
        "PBB-MUTASI",
        BPPKAD,
        "pajak-retribusi",
        "Mutasi dan Balik Nama SPPT PBB-P2",
        "Transfer of land and building tax assessment to a new owner",
        is_permit=False,
        description="Perubahan nama wajib pajak pada SPPT karena jual beli, waris atau hibah, termasuk pemecahan dan penggabungan objek pajak.",
        keywords="balik nama pbb mutasi pbb pecah nop gabung nop sppt",
        days=7,
        product="SPPT PBB-P2 atas nama wajib pajak baru.",
        procedure="Wajib pajak mengajukan mutasi dengan bukti peralihan hak; petugas meneliti data dan lapangan untuk mutasi sebagian, lalu SPPT baru diterbitkan.",
        legal_basis=f"{_LOCAL_TAX_LAW}; Peraturan Wali Kota Probolinggo tentang Tata Cara Pemungutan PBB-P2.",
        requirements=[
            _KTP,
            req("SPPT PBB-P2 tahun terakhir", "Beserta bukti lunas PBB."),
            req(
                "Bukti peralihan hak",
                "Sertifikat atas nama baru, akta jual beli, akta hibah atau surat keterangan waris.",
            ),
            req("Bukti bayar BPHTB", "SSPD BPHTB yang telah divalidasi.", mandatory=False),
        ],
        steps=_pbb_steps(),
    ),
    service(
        "PBB-PEMBETULAN",
        BPPKAD,
        "pajak-retribusi",
        "Pembetulan SPPT PBB-P2",
        "Correction of a land and building tax assessment",
        is_permit=False,
        description="Pembetulan kesalahan tulis, hitung atau penerapan ketentuan pada SPPT, misalnya luas tanah atau bangunan yang tidak sesuai.",
        keywords="pembetulan sppt salah luas pbb koreksi pbb",
        days=5,
        product="SPPT PBB-P2 hasil pembetulan.",
        procedure="Wajib pajak mengajukan pembetulan; petugas memeriksa data dan lapangan bila perlu, lalu SPPT pembetulan diterbitkan.",
        legal_basis=f"{_LOCAL_TAX_LAW}.",
        requirements=[
            _KTP,
            req("SPPT yang akan dibetulkan", "SPPT asli tahun berjalan."),
            req("Bukti pendukung", "Sertifikat atau hasil ukur yang menunjukkan data benar."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Penelitian data objek pajak", "officer", 2),
            step("Penelitian lapangan bila diperlukan", "technical_team", 1),
            step("Pemeriksaan oleh Kepala Bidang Pendapatan", "supervisor", 1),
            step("Penandatanganan SPPT pembetulan oleh Kepala Badan", "head", 1),
        ],
    ),
    service(
        "PBB-SALINAN",
        BPPKAD,
        "pajak-retribusi",
        "Penerbitan Salinan SPPT PBB-P2",
        "Copy of a land and building tax assessment",
        is_permit=False,
        description="Pencetakan salinan SPPT yang hilang atau rusak untuk keperluan pembayaran atau administrasi.",
        keywords="salinan sppt sppt hilang cetak ulang pbb",
        days=1,
        product="Salinan SPPT PBB-P2.",
        procedure="Wajib pajak menyebutkan NOP atau alamat objek; petugas mencetak salinan setelah identitas diperiksa.",
        legal_basis=f"{_LOCAL_TAX_LAW}.",
        requirements=[
            _KTP,
            req("NOP atau SPPT tahun sebelumnya", "Untuk penelusuran objek pajak.", mandatory=False),
        ],
        steps=[
            step("Penerimaan permohonan dan pemeriksaan identitas", "front_office", 0),
            step("Penelusuran data dan pencetakan salinan SPPT", "officer", 1),
            step("Penyerahan salinan SPPT", "front_office", 0),
        ],
    ),
    service(
        "PBB-PENGURANGAN",
        BPPKAD,
        "pajak-retribusi",
        "Pengurangan Pokok PBB-P2",
        "Reduction of land and building tax",
        is_permit=False,
        description="Pengurangan PBB-P2 bagi wajib pajak orang pribadi berpenghasilan rendah, veteran, atau objek yang terkena bencana.",
        keywords="keringanan pbb pengurangan pbb diskon pbb veteran lansia bencana",
        days=20,
        product="Surat keputusan pengurangan PBB-P2.",
        procedure="Wajib pajak mengajukan permohonan dengan alasan; petugas meneliti kondisi wajib pajak dan objek, lalu Kepala Badan memutuskan.",
        legal_basis=f"{_LOCAL_TAX_LAW}; Peraturan Wali Kota Probolinggo tentang Tata Cara Pemberian Pengurangan PBB-P2.",
        requirements=[
            _KTP,
            req("SPPT tahun berjalan", "SPPT yang dimohonkan pengurangan."),
            req("Surat permohonan dengan alasan", "Ditandatangani wajib pajak.", kinds=PDF),
            req(
                "Surat keterangan penghasilan atau kartu veteran",
                "Sesuai alasan pengurangan.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 3),
            step("Penelitian kondisi wajib pajak dan objek", "technical_team", 10),
            step("Penyusunan draf keputusan", "officer", 3),
            step("Pemeriksaan oleh Kepala Bidang Pendapatan", "supervisor", 2),
            step("Penandatanganan keputusan oleh Kepala Badan", "head", 2),
        ],
    ),
    service(
        "BPHTB",
        BPPKAD,
        "pajak-retribusi",
        "Penelitian dan Validasi SSPD BPHTB",
        "Verification of land and building acquisition duty (BPHTB)",
        is_permit=False,
        description="Penelitian dan validasi Surat Setoran Pajak Daerah BPHTB atas jual beli, hibah, waris dan perolehan hak lainnya sebelum akta ditandatangani PPAT.",
        keywords="bphtb validasi bphtb pajak jual beli tanah waris hibah ppat",
        days=3,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "BPHTB terutang = 5% x (Nilai Perolehan Objek Pajak - NPOPTKP). NPOP adalah harga transaksi atau "
            "nilai pasar, dan NJOP PBB bila nilai tersebut tidak diketahui atau lebih rendah. NPOPTKP paling "
            "sedikit Rp80.000.000, dan Rp300.000.000 untuk waris atau hibah wasiat kepada keluarga sedarah "
            "satu derajat, sesuai UU 1/2022 dan Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan "
            "Retribusi Daerah."
        ),
        product="SSPD BPHTB yang telah divalidasi.",
        procedure="PPAT atau wajib pajak mengunggah SSPD di e-BPHTB; petugas meneliti nilai transaksi terhadap zona nilai tanah, meninjau lapangan bila nilai di bawah kewajaran, lalu memvalidasi setelah pembayaran.",
        legal_basis=f"{_LOCAL_TAX_LAW}; Peraturan Wali Kota Probolinggo tentang Tata Cara Pemungutan BPHTB.",
        requirements=[
            req("SSPD BPHTB", "Diisi melalui e-BPHTB.", kinds=PDF),
            _KTP,
            req("SPPT PBB-P2 dan bukti lunas", "Objek yang dialihkan."),
            req("Fotokopi sertifikat", "Bukti hak atas tanah."),
            req(
                "Surat keterangan waris atau akta hibah",
                "Untuk perolehan karena waris atau hibah.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan SSPD dan pemeriksaan berkas", "front_office", 0),
            step("Penelitian nilai perolehan terhadap zona nilai tanah", "officer", 1),
            step("Penelitian lapangan bila nilai transaksi di bawah kewajaran", "technical_team", 1),
            step("Validasi SSPD setelah pembayaran terkonfirmasi", "supervisor", 1),
        ],
    ),
    service(
        "NPWPD",
        BPPKAD,
        "pajak-retribusi",
        "Pendaftaran Wajib Pajak Daerah (NPWPD)",
        "Registration of local taxpayers (NPWPD)",
        is_permit=False,
        description="Pendaftaran pengusaha hotel, restoran, hiburan, parkir dan penyelenggara reklame sebagai wajib Pajak Barang dan Jasa Tertentu (PBJT) atau pajak reklame.",
        keywords="npwpd pajak restoran pajak hotel pbjt pajak hiburan pajak parkir",
        days=1,
        product="Kartu Nomor Pokok Wajib Pajak Daerah (NPWPD).",
        procedure="Pengusaha mengisi formulir pendaftaran; petugas memverifikasi data usaha dan menerbitkan NPWPD.",
        legal_basis=f"{_LOCAL_TAX_LAW}.",
        requirements=[
            _KTP,
            req("NIB", "Nomor Induk Berusaha."),
            req("Formulir pendaftaran wajib pajak daerah", "Diisi dan ditandatangani.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan formulir dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi data usaha dan penerbitan NPWPD", "officer", 1),
            step("Penyerahan kartu NPWPD", "front_office", 0),
        ],
    ),
    service(
        "SKBT-PAJAK",
        BPPKAD,
        "pajak-retribusi",
        "Surat Keterangan Bebas Tunggakan Pajak Daerah",
        "Certificate of no local tax arrears",
        is_permit=False,
        description="Surat keterangan bahwa wajib pajak tidak memiliki tunggakan pajak daerah, misalnya untuk syarat tender atau perizinan.",
        keywords="bebas tunggakan pajak daerah surat keterangan lunas pajak",
        days=1,
        product="Surat Keterangan Bebas Tunggakan Pajak Daerah.",
        procedure="Pemohon mengajukan di loket; petugas memeriksa catatan pembayaran pajak daerah, lalu surat keterangan ditandatangani.",
        legal_basis=f"{_LOCAL_TAX_LAW}.",
        requirements=[
            _KTP,
            req("NPWPD atau NOP", "Identitas wajib pajak atau objek pajak."),
            req("Bukti pembayaran pajak terakhir", "Bila ada.", mandatory=False),
        ],
        steps=[
            step("Penerimaan permohonan", "front_office", 0),
            step("Pemeriksaan catatan pembayaran pajak daerah", "officer", 0),
            step("Penandatanganan surat keterangan oleh Kepala Bidang", "supervisor", 1),
            step("Penyerahan surat keterangan", "front_office", 0),
        ],
    ),
]

# =========================================================================== Dinsos P3A
DINSOS = "dinsos-p3a"

DINSOS_SERVICES = [
    service(
        "DTSEN",
        DINSOS,
        "sosial",
        "Pengusulan dan Pemutakhiran Data Tunggal Sosial Ekonomi Nasional (DTSEN)",
        "Proposal and update of the national socio-economic single data (DTSEN)",
        is_permit=False,
        completed_at_mpp=False,
        description="Pengusulan keluarga kurang mampu ke DTSEN sebagai dasar penerima bantuan sosial, atau perbaikan data yang tidak sesuai.",
        keywords="dtsen dtks data kemiskinan bansos pkh bpnt usulan bantuan sosial",
        days=5,
        product="Tanda terima usulan; penetapan status dalam DTSEN dilakukan oleh Kementerian Sosial dan BPS.",
        procedure="Pemohon mendaftar di loket atau melalui kelurahan; petugas menginput usulan di SIKS-NG, pendamping memverifikasi lapangan, lalu usulan disahkan dan dikirim.",
        legal_basis=(
            "UU 13/2011 tentang Penanganan Fakir Miskin; Inpres 4/2025 tentang Data Tunggal Sosial dan Ekonomi "
            "Nasional; Permensos 3/2021 tentang Pengelolaan Data Terpadu Kesejahteraan Sosial."
        ),
        requirements=[
            _KTP,
            _KK,
            req("Foto kondisi rumah", "Tampak depan dan dalam rumah.", kinds=PHOTO, mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan identitas", "front_office", 0),
            step("Perekaman usulan di SIKS-NG", "officer", 1),
            step("Verifikasi lapangan oleh pendamping sosial dan kelurahan", "technical_team", 3),
            step("Pengesahan dan pengiriman usulan", "supervisor", 1),
        ],
    ),
    service(
        "PBI-JK",
        DINSOS,
        "jaminan-sosial",
        "Usulan Kepesertaan PBI Jaminan Kesehatan (Peserta Baru dan Reaktivasi)",
        "Enrolment or reactivation of government-subsidised health insurance",
        is_permit=False,
        description="Pengusulan warga kurang mampu sebagai peserta JKN yang iurannya dibayar pemerintah, termasuk pengaktifan kembali peserta PBI yang nonaktif.",
        keywords="pbi bpjs gratis kis reaktivasi pbi jkn uhc jamkesda",
        days=3,
        product="Surat rekomendasi dan usulan pendaftaran peserta PBI JK ke BPJS Kesehatan.",
        procedure="Pemohon membawa identitas dan surat keterangan; petugas memeriksa DTSEN, menerbitkan rekomendasi dan mengirim data ke BPJS Kesehatan.",
        legal_basis=(
            "UU 40/2004 tentang Sistem Jaminan Sosial Nasional; Perpres 82/2018 tentang Jaminan Kesehatan "
            "beserta perubahannya; Permensos 21/2019 tentang Persyaratan dan Tata Cara Perubahan Data Penerima "
            "Bantuan Iuran Jaminan Kesehatan."
        ),
        requirements=[
            _KTP,
            _KK,
            req(
                "Surat keterangan rawat inap atau rujukan",
                "Untuk reaktivasi peserta yang sedang sakit.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Pemeriksaan data dalam DTSEN", "officer", 1),
            step("Penerbitan rekomendasi", "supervisor", 1),
            step("Pengesahan usulan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "LKS",
        DINSOS,
        "sosial",
        "Tanda Daftar Lembaga Kesejahteraan Sosial (LKS)",
        "Registration of social welfare institutions",
        is_permit=True,
        description="Pendaftaran panti, yayasan sosial, LKSA dan lembaga sejenis yang menyelenggarakan kesejahteraan sosial di Kota Probolinggo.",
        keywords="lks panti asuhan yayasan sosial lksa tanda daftar lembaga sosial",
        days=7,
        product="Tanda Daftar LKS yang berlaku 3 tahun.",
        procedure="Pengurus mengajukan permohonan; petugas memverifikasi dokumen dan meninjau lokasi, lalu tanda daftar diterbitkan.",
        legal_basis="UU 11/2009 tentang Kesejahteraan Sosial; PP 39/2012 tentang Penyelenggaraan Kesejahteraan Sosial.",
        requirements=[
            req("Akta pendirian dan SK badan hukum", "Yayasan atau perkumpulan.", kinds=PDF),
            req("Susunan pengurus", "Disertai KTP-el pengurus.", kinds=PDF),
            req(
                "Program kerja dan data penerima manfaat", "Jumlah dan kategori penerima manfaat.", kinds=PDF
            ),
            req("Surat keterangan domisili", "Dari lurah.", kinds=PDF),
            req("Foto sarana", "Gedung, kamar dan fasilitas pelayanan.", kinds=PHOTO),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Peninjauan lokasi", "technical_team", 3),
            step("Pemeriksaan oleh Kepala Bidang", "supervisor", 1),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "IZIN-PUB",
        DINSOS,
        "sosial",
        "Izin Pengumpulan Uang atau Barang (PUB) Skala Kota",
        "Permit for public fundraising within the city",
        is_permit=True,
        description="Izin bagi organisasi yang menggalang sumbangan uang atau barang dari masyarakat di wilayah Kota Probolinggo, misalnya untuk bencana atau kegiatan sosial.",
        keywords="izin pub penggalangan dana sumbangan donasi bencana",
        days=7,
        product="Izin PUB yang berlaku paling lama 3 bulan dengan kewajiban laporan pertanggungjawaban.",
        procedure="Penyelenggara mengajukan rencana penggalangan; petugas memverifikasi tujuan dan rekening penampung, lalu izin diterbitkan.",
        legal_basis=(
            "UU 9/1961 tentang Pengumpulan Uang atau Barang; PP 29/1980 tentang Pelaksanaan Pengumpulan "
            "Sumbangan; Permensos 8/2021 tentang Penyelenggaraan Pengumpulan Uang atau Barang."
        ),
        requirements=[
            req("Akta pendirian organisasi", "Dan susunan pengurus.", kinds=PDF),
            req("Rencana penggalangan", "Tujuan, cara, wilayah, waktu dan rencana penyaluran.", kinds=PDF),
            req("Rekening penampung atas nama organisasi", "Bukti rekening bank.", kinds=PDF),
            req("Surat pernyataan kesanggupan melapor", "Laporan dan audit penggunaan sumbangan.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Klarifikasi penyelenggara dan tujuan penggalangan", "technical_team", 3),
            step("Pemeriksaan oleh Kepala Bidang", "supervisor", 1),
            step("Penandatanganan izin oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "LAYANAN-PPA",
        DINSOS,
        "sosial",
        "Pengaduan dan Pendampingan Korban Kekerasan terhadap Perempuan dan Anak",
        "Reporting and support for women and child victims of violence",
        is_permit=False,
        description=(
            "Layanan rahasia bagi korban atau saksi kekerasan terhadap perempuan dan anak: konseling, rujukan "
            "kesehatan, pendampingan hukum dan rumah aman oleh UPTD PPA."
        ),
        keywords="kekerasan perempuan anak kdrt pelecehan upt ppa pengaduan kekerasan seksual sapa 129",
        days=3,
        product="Asesmen awal dan rencana intervensi, beserta rujukan ke layanan kesehatan, psikolog, bantuan hukum atau rumah aman.",
        procedure="Pelapor diterima di ruang konseling tertutup; konselor melakukan asesmen, menyusun rencana intervensi dan merujuk korban ke layanan yang dibutuhkan.",
        legal_basis=(
            "UU 23/2002 tentang Perlindungan Anak beserta perubahannya; UU 23/2004 tentang Penghapusan Kekerasan "
            "dalam Rumah Tangga; UU 12/2022 tentang Tindak Pidana Kekerasan Seksual; Peraturan Menteri PPPA "
            "4/2018 tentang Pedoman Pembentukan Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak."
        ),
        requirements=[
            req(
                "Identitas pelapor atau korban",
                "Bila ada; pengaduan tetap diterima tanpa identitas.",
                mandatory=False,
            ),
            req("Kronologi kejadian", "Dapat disampaikan lisan kepada konselor.", mandatory=False, kinds=PDF),
            req("Bukti pendukung", "Foto, pesan atau visum bila ada.", mandatory=False),
        ],
        steps=[
            step("Penerimaan pengaduan di ruang konseling", "front_office", 0),
            step("Asesmen awal oleh konselor", "technical_team", 1),
            step("Penyusunan rencana intervensi dan rujukan", "officer", 1),
            step("Persetujuan rencana oleh Kepala UPTD PPA", "supervisor", 1),
        ],
    ),
]

# =========================================================================== Dindikbud
DINDIK = "dindikbud"
_IJAZAH_LAW = (
    "UU 20/2003 tentang Sistem Pendidikan Nasional; Permendikbud 29/2014 tentang Pengesahan Fotokopi "
    "Ijazah/Surat Tanda Tamat Belajar, Penerbitan Surat Keterangan Pengganti yang Berpenghargaan Sama "
    "dengan Ijazah/Surat Tanda Tamat Belajar"
)

DINDIK_SERVICES = [
    service(
        "LEGALISIR-IJAZAH",
        DINDIK,
        "pendidikan",
        "Legalisasi Fotokopi Ijazah SD dan SMP",
        "Certified copies of primary and junior secondary school diplomas",
        is_permit=False,
        description="Legalisasi fotokopi ijazah SD dan SMP dari sekolah yang sudah tutup atau bergabung; bila sekolah masih ada, legalisasi dilakukan kepala sekolah.",
        keywords="legalisir ijazah sd smp legalisasi ijazah sekolah tutup",
        days=1,
        product="Fotokopi ijazah yang dilegalisasi.",
        procedure="Pemohon menunjukkan ijazah asli; petugas mencocokkan dengan arsip, lalu fotokopi dilegalisasi.",
        legal_basis=f"{_IJAZAH_LAW}.",
        requirements=[
            req("Ijazah asli", "Ditunjukkan kepada petugas."),
            req("Fotokopi ijazah", "Paling banyak 10 lembar.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan ijazah asli dan fotokopi", "front_office", 0),
            step("Pencocokan dengan arsip", "officer", 0),
            step("Pengesahan oleh Kepala Bidang", "supervisor", 1),
            step("Penyerahan fotokopi yang dilegalisasi", "front_office", 0),
        ],
    ),
    service(
        "SK-PENGGANTI-IJAZAH",
        DINDIK,
        "pendidikan",
        "Surat Keterangan Pengganti Ijazah SD dan SMP",
        "Replacement certificate for lost or damaged diplomas",
        is_permit=False,
        description="Surat keterangan yang berpenghargaan sama dengan ijazah SD atau SMP yang hilang atau rusak.",
        keywords="ijazah hilang ijazah rusak pengganti ijazah surat keterangan pengganti",
        days=7,
        product="Surat Keterangan Pengganti Ijazah yang berpenghargaan sama dengan ijazah.",
        procedure="Pemohon menyerahkan berkas; petugas menelusuri arsip kelulusan di sekolah dan meminta keterangan saksi, lalu Kepala Dinas menandatangani surat keterangan.",
        legal_basis=f"{_IJAZAH_LAW}.",
        requirements=[
            req("Surat keterangan kehilangan dari kepolisian", "Atau ijazah yang rusak."),
            req("Surat keterangan dari sekolah asal", "Menerangkan pemohon benar lulusan sekolah tersebut."),
            req("Pas foto berwarna 3x4", "Latar belakang merah.", kinds=PHOTO),
            req("Fotokopi ijazah", "Bila masih ada.", mandatory=False),
            req(
                "Surat pernyataan dua orang saksi",
                "Teman seangkatan, bila arsip sekolah tidak lengkap.",
                mandatory=False,
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Penelusuran arsip kelulusan", "officer", 3),
            step("Verifikasi ke sekolah dan saksi", "technical_team", 2),
            step("Pemeriksaan oleh Kepala Bidang", "supervisor", 1),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
    service(
        "MUTASI-SISWA",
        DINDIK,
        "pendidikan",
        "Rekomendasi Pindah Sekolah (Mutasi Peserta Didik) SD dan SMP",
        "Recommendation for transferring pupils between schools",
        is_permit=False,
        description="Rekomendasi bagi peserta didik SD dan SMP yang pindah masuk atau keluar Kota Probolinggo.",
        keywords="pindah sekolah mutasi siswa surat pindah sekolah",
        days=1,
        product="Surat rekomendasi pindah sekolah dan pemutakhiran Dapodik.",
        procedure="Orang tua menyerahkan surat keterangan pindah dari sekolah asal dan surat penerimaan sekolah tujuan; petugas memverifikasi dan menerbitkan rekomendasi.",
        legal_basis="UU 20/2003 tentang Sistem Pendidikan Nasional; Permendikbud tentang Penerimaan Peserta Didik Baru yang berlaku.",
        requirements=[
            req("Surat keterangan pindah dari sekolah asal", "Ditandatangani kepala sekolah."),
            req("Surat keterangan diterima dari sekolah tujuan", "Ditandatangani kepala sekolah tujuan."),
            req("Rapor peserta didik", "Halaman identitas dan nilai terakhir.", kinds=PDF),
            _KK,
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi data di Dapodik dan penerbitan rekomendasi", "officer", 1),
            step("Penyerahan surat rekomendasi", "front_office", 0),
        ],
    ),
    service(
        "INDUK-KESENIAN",
        DINDIK,
        "pendidikan",
        "Pendaftaran Nomor Induk Organisasi Kesenian",
        "Registration of arts organisations",
        is_permit=False,
        description="Pendaftaran sanggar, paguyuban dan kelompok kesenian (misalnya jaran bodhag, ronjengan, tari, karawitan) agar tercatat dan dapat difasilitasi Pemerintah Kota.",
        keywords="sanggar seni kesenian nomor induk organisasi kesenian paguyuban budaya",
        days=5,
        product="Kartu Nomor Induk Organisasi Kesenian yang berlaku 3 tahun.",
        procedure="Pengurus mendaftar dengan profil organisasi; petugas memverifikasi dan dapat menyaksikan latihan atau pementasan, lalu nomor induk diterbitkan.",
        legal_basis="UU 5/2017 tentang Pemajuan Kebudayaan.",
        requirements=[
            req(
                "Profil organisasi kesenian",
                "Jenis kesenian, sejarah singkat dan alamat sekretariat.",
                kinds=PDF,
            ),
            req("Susunan pengurus dan daftar anggota", "Disertai KTP-el ketua.", kinds=PDF),
            req("Foto kegiatan", "Latihan atau pementasan.", kinds=PHOTO),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Verifikasi kegiatan kesenian", "technical_team", 1),
            step("Pemeriksaan oleh Kepala Bidang Kebudayaan", "supervisor", 1),
            step("Penandatanganan oleh Kepala Dinas", "head", 1),
        ],
    ),
]

SERVICES: list[dict] = (
    CAPIL_SERVICES
    + DINKES_SERVICES
    + PUPR_SERVICES
    + DISHUB_SERVICES
    + DLH_SERVICES
    + DKUP_SERVICES
    + NAKER_SERVICES
    + KESBANG_SERVICES
    + BPPKAD_SERVICES
    + DINSOS_SERVICES
    + DINDIK_SERVICES
)
