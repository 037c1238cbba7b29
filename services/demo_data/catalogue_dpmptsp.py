"""Services of DPMPTSP Kota Probolinggo: health-worker practice permits, health facilities, advertising,
spatial planning, trade, transport and education permits, and OSS assistance."""

from .catalogue_common import PDF, PHOTO, SCAN, req, service, step

A = "dpmptsp"

_DELEGATION = (
    "Peraturan Wali Kota Probolinggo tentang Pendelegasian Kewenangan Penyelenggaraan Perizinan dan "
    "Nonperizinan kepada Kepala DPMPTSP"
)
_HEALTH_LAW = (
    "UU 17/2023 tentang Kesehatan; PP 28/2024 tentang Peraturan Pelaksanaan UU 17/2023 tentang Kesehatan"
)
_RBA_LAW = (
    "UU 6/2023 tentang Penetapan Perppu 2/2022 tentang Cipta Kerja menjadi Undang-Undang; PP 28/2025 "
    "tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko"
)
_HEALTH_BUSINESS_LAW = (
    f"{_HEALTH_LAW}; {_RBA_LAW}; Permenkes 14/2021 tentang Standar Kegiatan Usaha dan Produk pada "
    "Penyelenggaraan Perizinan Berusaha Berbasis Risiko Sektor Kesehatan"
)


# --------------------------------------------------------------------------- practice permits (SIP)
def _sip(code: str, profession: str, profession_en: str, keywords: str, note: str = "") -> dict:
    return service(
        code,
        A,
        "kesehatan",
        f"Surat Izin Praktik {profession}",
        f"Practice permit for {profession_en}",
        is_permit=True,
        description=(
            f"Izin bagi {profession.lower()} untuk menjalankan praktik di fasilitas pelayanan kesehatan atau "
            f"praktik mandiri di Kota Probolinggo. {note}Diterbitkan DPMPTSP setelah rekomendasi Dinkes PPKB."
        ),
        keywords=keywords,
        days=9,
        product=(
            f"Surat Izin Praktik {profession} elektronik bertanda tangan elektronik dan berkode QR, berlaku "
            "5 tahun selama STR masih berlaku dan praktik dilakukan di tempat yang tercantum."
        ),
        procedure=(
            "Pemohon mengajukan permohonan melalui SiCantik Cloud atau loket DPMPTSP di MPP. Setelah berkas "
            "lengkap, Dinkes PPKB memberikan rekomendasi teknis dalam 3 hari kerja dan DPMPTSP menerbitkan "
            "SIP dalam 6 hari kerja berikutnya."
        ),
        legal_basis=f"{_HEALTH_LAW}; {_DELEGATION}.",
        requirements=[
            req("KTP-el pemohon", "Pindaian KTP-el yang masih berlaku."),
            req("Surat Tanda Registrasi (STR)", "STR yang masih berlaku sesuai profesi pemohon."),
            req(
                "Surat keterangan dari pimpinan fasilitas pelayanan kesehatan",
                "Surat keterangan bekerja di fasilitas pelayanan kesehatan tempat praktik, atau surat "
                "pernyataan alamat praktik mandiri.",
            ),
            req("Pas foto berwarna 4x6", "Latar belakang merah, tampak wajah jelas.", kinds=PHOTO),
            req(
                "Surat keterangan sehat",
                "Dari dokter yang memiliki SIP, diterbitkan paling lama 3 bulan terakhir.",
            ),
            req(
                "Bukti pemenuhan kecukupan Satuan Kredit Profesi (SKP)",
                "Wajib untuk perpanjangan SIP.",
                mandatory=False,
            ),
            req(
                "SIP di tempat praktik lain",
                "Bila pemohon telah berpraktik di tempat lain (paling banyak 3 tempat).",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas di SiCantik", "front_office", 0),
            step(
                "Verifikasi teknis dan rekomendasi Dinkes PPKB, termasuk peninjauan tempat praktik",
                "technical_team",
                3,
            ),
            step("Verifikasi administrasi dan penyusunan draf SIP", "officer", 3),
            step("Pemeriksaan draf oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
            step("Penyerahan SIP melalui SiCantik atau loket MPP", "front_office", 0),
        ],
    )


SIP_SERVICES = [
    _sip("SIP-DOKTER", "Dokter", "general practitioners", "sip dokter umum izin praktik dokter tenaga medis"),
    _sip(
        "SIP-DOKTER-SP",
        "Dokter Spesialis",
        "medical specialists",
        "sip dokter spesialis izin praktik spesialis rumah sakit",
    ),
    _sip("SIP-DOKTER-GIGI", "Dokter Gigi", "dentists", "sip drg dokter gigi izin praktik gigi"),
    _sip(
        "SIP-BIDAN",
        "Bidan",
        "midwives",
        "sipb bidan izin praktik bidan tpmb praktik mandiri bidan",
        "Termasuk bidan yang membuka Tempat Praktik Mandiri Bidan (TPMB). ",
    ),
    _sip("SIP-PERAWAT", "Perawat", "nurses", "sipp perawat izin praktik perawat keperawatan"),
    _sip("SIPA", "Apoteker", "pharmacists", "sipa apoteker izin praktik apoteker farmasi apotek"),
    _sip(
        "SIPTTK",
        "Tenaga Vokasi Farmasi",
        "pharmacy technicians",
        "sipttk asisten apoteker tenaga teknis kefarmasian vokasi farmasi",
    ),
    _sip(
        "SIP-FISIOTERAPIS", "Fisioterapis", "physiotherapists", "sipf fisioterapi izin praktik fisioterapis"
    ),
    _sip(
        "SIP-ATLM",
        "Ahli Teknologi Laboratorium Medik",
        "medical laboratory technologists",
        "sip atlm analis kesehatan laboratorium medik",
    ),
    _sip("SIP-RADIOGRAFER", "Radiografer", "radiographers", "sip radiografer radiologi rontgen"),
    _sip("SIP-NUTRISIONIS", "Nutrisionis", "nutritionists", "sip gizi nutrisionis dietisien tenaga gizi"),
    _sip(
        "SIP-PMIK",
        "Perekam Medis dan Informasi Kesehatan",
        "medical records officers",
        "sip perekam medis rekam medis pmik",
    ),
    _sip(
        "SIP-TGM",
        "Terapis Gigi dan Mulut",
        "dental therapists",
        "sip terapis gigi mulut perawat gigi",
    ),
]


# --------------------------------------------------------------------------- health facilities
def _facility(
    code: str,
    name: str,
    name_en: str,
    keywords: str,
    description: str,
    product: str,
    days: int,
    visit_days: int,
    extra_law: str,
    requirements: list[dict],
) -> dict:
    admin_days = days - visit_days - 3  # drafting, review and signature take 1 day each
    return service(
        code,
        A,
        "kesehatan",
        name,
        name_en,
        is_permit=True,
        description=description,
        keywords=keywords,
        days=days,
        product=product,
        procedure=(
            "Pelaku usaha mengajukan permohonan melalui OSS RBA dengan NIB yang sesuai KBLI, lalu "
            "mengunggah persyaratan di SiCantik. Tim Dinkes PPKB melakukan visitasi dan menyusun berita "
            "acara; DPMPTSP menerbitkan izin atau sertifikat standar terverifikasi yang tersambung ke OSS."
        ),
        legal_basis=f"{_HEALTH_BUSINESS_LAW}; {extra_law}{_DELEGATION}.",
        requirements=requirements,
        steps=[
            step("Penerimaan berkas dan pemeriksaan NIB serta KBLI di OSS RBA", "front_office", 0),
            step("Verifikasi administrasi persyaratan", "officer", admin_days),
            step("Visitasi sarana, prasarana dan tenaga oleh tim Dinkes PPKB", "technical_team", visit_days),
            step("Penyusunan draf izin berdasarkan berita acara visitasi", "officer", 1),
            step("Pemeriksaan draf oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 1),
            step("Penandatanganan elektronik dan notifikasi ke OSS RBA", "head", 1),
        ],
    )


FACILITY_SERVICES = [
    _facility(
        "IZIN-APOTEK",
        "Izin Apotek",
        "Pharmacy licence",
        "apotek izin apotek sia farmasi obat",
        "Izin penyelenggaraan apotek bagi pelaku usaha dengan apoteker penanggung jawab yang memiliki SIPA di Kota Probolinggo.",
        "Izin apotek (sertifikat standar terverifikasi) yang tercantum di OSS RBA, berlaku selama apotek beroperasi sesuai standar.",
        12,
        6,
        "Permenkes 9/2017 tentang Apotek; ",
        [
            req(
                "NIB dengan KBLI 47721",
                "Nomor Induk Berusaha dari OSS RBA untuk perdagangan eceran obat di apotek.",
            ),
            req("SIPA apoteker penanggung jawab", "Surat Izin Praktik Apoteker yang masih berlaku."),
            req(
                "Denah bangunan dan foto sarana", "Denah ruang peracikan, penyimpanan obat dan ruang tunggu."
            ),
            req(
                "Bukti status bangunan",
                "Sertifikat hak, perjanjian sewa atau pinjam pakai paling singkat 5 tahun.",
            ),
            req(
                "Daftar sarana dan prasarana",
                "Termasuk lemari narkotika dan psikotropika serta alat pengukur suhu.",
                kinds=PDF,
            ),
            req(
                "PBG atau SLF bangunan",
                "Bila bangunan baru; bangunan lama dapat melampirkan IMB.",
                mandatory=False,
            ),
        ],
    ),
    _facility(
        "IZIN-KLINIK",
        "Izin Operasional Klinik Pratama",
        "Operating licence for primary clinics",
        "klinik pratama izin operasional klinik faskes",
        "Izin operasional klinik pratama yang menyelenggarakan pelayanan medik dasar umum dan/atau gigi.",
        "Izin operasional klinik pratama berkode QR yang tersambung ke OSS RBA dan registrasi fasyankes Kemenkes.",
        14,
        8,
        "",
        [
            req(
                "NIB dengan KBLI aktivitas klinik swasta",
                "Nomor Induk Berusaha untuk penyelenggaraan klinik pratama.",
            ),
            req(
                "Profil klinik",
                "Struktur organisasi, jenis pelayanan, jam operasional dan daftar tenaga.",
                kinds=PDF,
            ),
            req(
                "SIP dokter penanggung jawab dan tenaga kesehatan",
                "Salinan SIP seluruh tenaga medis dan kesehatan.",
            ),
            req(
                "Denah dan foto bangunan",
                "Termasuk ruang tunggu, ruang periksa, ruang tindakan dan sarana difabel.",
            ),
            req("Dokumen lingkungan (SPPL)", "Bukti registrasi SPPL dari Amdalnet."),
            req("Perjanjian kerja sama pengelolaan limbah medis", "Dengan pengelola limbah B3 berizin."),
            req("PBG dan SLF", "Persetujuan bangunan gedung dan sertifikat laik fungsi.", mandatory=False),
        ],
    ),
    _facility(
        "IZIN-TOKO-OBAT",
        "Izin Toko Obat",
        "Licence for drug stores",
        "toko obat izin toko obat obat bebas terbatas",
        "Izin bagi toko obat yang menjual obat bebas dan obat bebas terbatas dengan tenaga vokasi farmasi penanggung jawab.",
        "Izin toko obat (sertifikat standar terverifikasi) yang tercantum di OSS RBA.",
        9,
        4,
        "",
        [
            req(
                "NIB dengan KBLI 47722",
                "Nomor Induk Berusaha untuk perdagangan eceran barang farmasi bukan di apotek.",
            ),
            req("SIPTTK penanggung jawab", "Surat izin praktik tenaga vokasi farmasi yang masih berlaku."),
            req("Denah dan foto toko", "Menunjukkan tempat penyimpanan obat dan papan nama."),
            req("Bukti status tempat usaha", "Sertifikat hak atau perjanjian sewa."),
        ],
    ),
    _facility(
        "IZIN-OPTIKAL",
        "Izin Optikal",
        "Licence for optical stores",
        "optik optikal kacamata refraksi",
        "Izin penyelenggaraan optikal yang melayani pemeriksaan refraksi dan penjualan kacamata koreksi.",
        "Izin optikal (sertifikat standar terverifikasi) yang tercantum di OSS RBA.",
        9,
        4,
        "",
        [
            req("NIB dengan KBLI perdagangan eceran kacamata", "Nomor Induk Berusaha untuk usaha optikal."),
            req("SIP refraksionis optisien penanggung jawab", "Surat izin praktik yang masih berlaku."),
            req(
                "Daftar peralatan pemeriksaan refraksi",
                "Trial lens set, optotipe Snellen dan lensometer.",
                kinds=PDF,
            ),
            req("Denah dan foto ruang pemeriksaan", "Ruang pemeriksaan refraksi minimal sesuai standar."),
        ],
    ),
    _facility(
        "IZIN-LAB-KLINIK",
        "Izin Operasional Laboratorium Klinik Pratama",
        "Operating licence for primary clinical laboratories",
        "laboratorium klinik lab kesehatan cek darah",
        "Izin operasional laboratorium klinik pratama yang melayani pemeriksaan hematologi, kimia klinik dan urinalisis.",
        "Izin operasional laboratorium klinik berkode QR yang tersambung ke OSS RBA.",
        14,
        8,
        "",
        [
            req(
                "NIB dengan KBLI laboratorium klinik",
                "Nomor Induk Berusaha untuk aktivitas laboratorium klinik.",
            ),
            req(
                "SIP dokter penanggung jawab dan ATLM",
                "Salinan SIP penanggung jawab teknis dan tenaga laboratorium.",
            ),
            req("Daftar peralatan laboratorium", "Termasuk bukti kalibrasi alat.", kinds=PDF),
            req("Denah dan foto bangunan", "Ruang pengambilan sampel, ruang pemeriksaan dan ruang tunggu."),
            req("Perjanjian kerja sama pengelolaan limbah medis", "Dengan pengelola limbah B3 berizin."),
        ],
    ),
]

OTHER_HEALTH_SERVICES = [
    service(
        "STPT",
        A,
        "kesehatan",
        "Surat Terdaftar Penyehat Tradisional (STPT)",
        "Registration certificate for traditional health practitioners",
        is_permit=True,
        description=(
            "Tanda terdaftar bagi penyehat tradisional empiris (misalnya pijat, akupresur, ramuan) yang "
            "berpraktik di Kota Probolinggo."
        ),
        keywords="stpt penyehat tradisional pijat akupresur herbal pengobat tradisional battra",
        days=7,
        product="Surat Terdaftar Penyehat Tradisional elektronik, berlaku 2 tahun dan dapat diperpanjang.",
        procedure=(
            "Pemohon mengajukan permohonan di loket atau SiCantik, Dinkes PPKB memverifikasi metode dan "
            "tempat praktik, lalu DPMPTSP menerbitkan STPT."
        ),
        legal_basis=(
            f"{_HEALTH_LAW}; Permenkes 61/2016 tentang Pelayanan Kesehatan Tradisional Empiris; {_DELEGATION}."
        ),
        requirements=[
            req("KTP-el pemohon", "Pindaian KTP-el yang masih berlaku."),
            req("Surat keterangan dari kelurahan", "Keterangan lokasi tempat praktik penyehat tradisional."),
            req(
                "Sertifikat pelatihan atau surat keterangan kemampuan",
                "Dari asosiasi atau lembaga pelatihan penyehat tradisional.",
            ),
            req("Pas foto berwarna 4x6", "Latar belakang merah.", kinds=PHOTO),
            req(
                "Surat pernyataan tidak menggunakan alat kedokteran",
                "Ditandatangani di atas meterai.",
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Verifikasi metode dan peninjauan tempat praktik oleh Dinkes PPKB", "technical_team", 3),
            step("Penyusunan draf STPT", "officer", 2),
            step("Pemeriksaan draf oleh Kepala Bidang", "supervisor", 1),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "SPP-IRT",
        A,
        "kesehatan",
        "Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT)",
        "Home-industry food production certificate (SPP-IRT)",
        is_permit=True,
        description=(
            "Sertifikat bagi usaha pangan olahan rumah tangga (misalnya kue kering, keripik, sambal kemasan) "
            "agar produknya boleh diedarkan dengan nomor P-IRT."
        ),
        keywords="pirt spp-irt izin pangan rumahan makanan kemasan umkm nomor pirt",
        days=10,
        product="SPP-IRT dengan nomor P-IRT 15 digit yang tercantum di OSS RBA, berlaku 5 tahun.",
        procedure=(
            "Pelaku usaha mendaftar di OSS RBA, melampirkan sertifikat penyuluhan keamanan pangan, lalu "
            "petugas Dinkes PPKB memeriksa sarana produksi. SPP-IRT terbit bila hasil pemeriksaan cukup atau baik."
        ),
        legal_basis=(
            "UU 18/2012 tentang Pangan; PP 86/2019 tentang Keamanan Pangan; "
            f"{_RBA_LAW}; Peraturan BPOM 22/2018 tentang Pedoman Pemberian SPP-IRT; {_DELEGATION}."
        ),
        requirements=[
            req(
                "NIB usaha mikro atau kecil", "Nomor Induk Berusaha dengan KBLI industri pangan yang sesuai."
            ),
            req(
                "Sertifikat Penyuluhan Keamanan Pangan (PKP)",
                "Dimiliki pemilik atau penanggung jawab produksi.",
            ),
            req(
                "Rancangan label produk",
                "Memuat nama produk, komposisi, berat bersih, alamat produsen dan tanggal kedaluwarsa.",
                kinds=PHOTO + PDF,
            ),
            req("Denah dan foto ruang produksi", "Menunjukkan alur produksi dan tempat cuci tangan."),
            req(
                "Hasil uji laboratorium air",
                "Untuk produk yang menggunakan air sebagai bahan baku.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan berkas dan pemeriksaan NIB", "front_office", 0),
            step("Verifikasi sertifikat PKP dan rancangan label", "officer", 1),
            step("Pemeriksaan sarana produksi pangan IRT oleh Dinkes PPKB", "technical_team", 6),
            step("Penyusunan draf SPP-IRT dan nomor P-IRT", "officer", 1),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 1),
            step("Penandatanganan elektronik dan notifikasi ke OSS RBA", "head", 1),
        ],
    ),
    service(
        "SLHS",
        A,
        "kesehatan",
        "Sertifikat Laik Higiene Sanitasi (SLHS)",
        "Hygiene and sanitation certificate (SLHS)",
        is_permit=True,
        description=(
            "Sertifikat bagi tempat pengelolaan pangan (jasa boga, rumah makan, depot air minum, dapur "
            "penyedia makanan bergizi) yang memenuhi persyaratan higiene sanitasi."
        ),
        keywords="slhs laik higiene sanitasi jasa boga katering depot air minum rumah makan dapur",
        days=14,
        product="Sertifikat Laik Higiene Sanitasi elektronik yang tercantum di OSS RBA, berlaku 3 tahun dengan pengawasan berkala.",
        procedure=(
            "Pemohon mengajukan melalui OSS RBA dan SiCantik. Sanitarian Dinkes PPKB melakukan inspeksi "
            "kesehatan lingkungan dan mengambil sampel pangan atau air; SLHS terbit bila hasil memenuhi syarat."
        ),
        legal_basis=(
            f"{_HEALTH_LAW}; Permenkes 2/2023 tentang Peraturan Pelaksanaan PP 66/2014 tentang Kesehatan "
            f"Lingkungan; {_RBA_LAW}; {_DELEGATION}."
        ),
        requirements=[
            req("NIB", "Nomor Induk Berusaha sesuai KBLI jasa makanan dan minuman."),
            req(
                "Sertifikat pelatihan keamanan pangan penjamah", "Bagi penanggung jawab dan penjamah pangan."
            ),
            req("Surat keterangan sehat penjamah pangan", "Diterbitkan paling lama 6 bulan terakhir."),
            req("Denah dapur dan foto sarana", "Termasuk tempat cuci peralatan dan pembuangan limbah."),
            req(
                "Hasil uji laboratorium air bersih",
                "Dari laboratorium terakreditasi atau Labkesda.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan berkas dan pemeriksaan NIB", "front_office", 0),
            step("Verifikasi administrasi persyaratan", "officer", 1),
            step("Inspeksi kesehatan lingkungan dan uji sampel oleh Dinkes PPKB", "technical_team", 9),
            step("Penyusunan draf SLHS berdasarkan hasil inspeksi", "officer", 1),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik dan notifikasi ke OSS RBA", "head", 1),
        ],
    ),
]

# --------------------------------------------------------------------------- advertising and spatial planning
_REKLAME_LAW = (
    "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah; PP 35/2023 tentang "
    "Ketentuan Umum Pajak Daerah dan Retribusi Daerah; Peraturan Daerah Kota Probolinggo tentang Pajak "
    "Daerah dan Retribusi Daerah; Peraturan Wali Kota Probolinggo tentang Penyelenggaraan Reklame; "
    f"{_DELEGATION}."
)
_REKLAME_LEVY = (
    "Izin diterbitkan tanpa biaya. Pajak Reklame ditetapkan BPPKAD dalam SKPD: Nilai Sewa Reklame dihitung "
    "dari jenis, bahan, lokasi penempatan, jangka waktu, jumlah dan ukuran media reklame, lalu dikalikan "
    "tarif 25% sesuai Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan Retribusi Daerah. Izin "
    "diserahkan setelah pajak dibayar."
)
_TATA_RUANG_LAW = (
    "UU 26/2007 tentang Penataan Ruang sebagaimana diubah dengan UU 6/2023; PP 21/2021 tentang "
    "Penyelenggaraan Penataan Ruang; Peraturan Menteri ATR/Kepala BPN 13/2021 tentang Pelaksanaan KKPR "
    "dan Sinkronisasi Program Pemanfaatan Ruang; Peraturan Daerah Kota Probolinggo tentang Rencana Tata "
    "Ruang Wilayah Kota Probolinggo"
)

SPATIAL_SERVICES = [
    service(
        "IZIN-REKLAME",
        A,
        "perizinan-usaha",
        "Izin Penyelenggaraan Reklame Tetap",
        "Permit for permanent advertisements",
        is_permit=True,
        description=(
            "Izin pemasangan reklame tetap seperti papan nama usaha berukuran besar, billboard, neon box "
            "dan videotron di Kota Probolinggo."
        ),
        keywords="izin reklame billboard papan reklame neon box videotron baliho pajak reklame",
        days=5,
        fee_kind="levy",
        levy_formula="reklame",
        levy_description=_REKLAME_LEVY,
        product="Izin Penyelenggaraan Reklame elektronik berkode QR dan stiker penanda izin yang ditempel pada media reklame.",
        procedure=(
            "Pemohon mengajukan permohonan melalui SiCantik atau loket MPP. Tim teknis reklame meninjau titik "
            "lokasi dan konstruksi, BPPKAD menetapkan pajak reklame, lalu izin diterbitkan setelah pajak dibayar."
        ),
        legal_basis=_REKLAME_LAW,
        requirements=[
            req("KTP-el pemohon atau penanggung jawab", "Pindaian KTP-el yang masih berlaku."),
            req("NIB atau akta badan usaha", "Bagi pemohon badan usaha."),
            req(
                "Desain dan ukuran reklame",
                "Gambar naskah reklame beserta ukuran panjang, lebar dan tinggi.",
                kinds=PHOTO + PDF,
            ),
            req("Foto dan titik koordinat lokasi", "Foto lokasi pemasangan dari dua arah berbeda."),
            req(
                "Surat persetujuan pemilik lahan atau bangunan",
                "Bila reklame dipasang di lahan atau bangunan milik pihak lain.",
            ),
            req(
                "Gambar konstruksi dan perhitungan struktur",
                "Wajib untuk reklame berukuran di atas 8 m2, ditandatangani tenaga ahli konstruksi.",
                mandatory=False,
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Peninjauan lokasi dan konstruksi oleh tim teknis reklame", "technical_team", 2),
            step("Penetapan SKPD pajak reklame oleh BPPKAD dan penyusunan draf izin", "officer", 1),
            step("Pemeriksaan draf oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 1),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
            step("Penyerahan izin setelah bukti bayar pajak reklame diverifikasi", "front_office", 0),
        ],
    ),
    service(
        "REKLAME-INSIDENTIL",
        A,
        "perizinan-usaha",
        "Izin Penyelenggaraan Reklame Insidentil",
        "Permit for temporary advertisements",
        is_permit=True,
        description="Izin pemasangan reklame sementara seperti spanduk, umbul-umbul, banner dan baliho kegiatan paling lama 30 hari.",
        keywords="izin spanduk umbul umbul banner baliho reklame sementara insidentil",
        days=3,
        fee_kind="levy",
        levy_formula="reklame",
        levy_description=_REKLAME_LEVY,
        product="Izin reklame insidentil elektronik dan stiker penanda izin untuk setiap media reklame.",
        procedure="Pemohon mengajukan di loket MPP atau SiCantik dengan daftar titik pemasangan; petugas memeriksa titik, BPPKAD menetapkan pajak, lalu izin terbit.",
        legal_basis=_REKLAME_LAW,
        requirements=[
            req("KTP-el pemohon", "Pindaian KTP-el yang masih berlaku."),
            req("Desain reklame", "Gambar naskah dan ukuran media reklame.", kinds=PHOTO + PDF),
            req(
                "Daftar titik pemasangan",
                "Alamat atau koordinat setiap titik dan jangka waktu pemasangan.",
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Pemeriksaan titik pemasangan dan penetapan SKPD pajak reklame", "technical_team", 1),
            step("Penyusunan draf izin", "officer", 1),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "INFO-TATA-RUANG",
        A,
        "bangunan-tata-ruang",
        "Informasi Tata Ruang",
        "Spatial planning information",
        is_permit=False,
        description=(
            "Keterangan tentang peruntukan ruang suatu bidang tanah berdasarkan RTRW dan RDTR Kota Probolinggo, "
            "berguna sebelum membeli tanah, mendirikan bangunan atau mengajukan KKPR."
        ),
        keywords="informasi tata ruang peruntukan lahan zonasi rdtr rtrw itr keterangan rencana",
        days=7,
        product="Surat Informasi Tata Ruang yang memuat zona, ketentuan intensitas pemanfaatan ruang (KDB, KLB, KDH, GSB) dan peta lokasi.",
        procedure="Pemohon mengajukan di loket MPP atau SiCantik dengan titik koordinat; petugas memetakan lokasi pada RDTR dan tim teknis menyusun telaah sebelum informasi ditandatangani.",
        legal_basis=f"{_TATA_RUANG_LAW}; {_DELEGATION}.",
        requirements=[
            req("KTP-el pemohon", "Pindaian KTP-el yang masih berlaku."),
            req(
                "Bukti penguasaan tanah",
                "Sertifikat, akta jual beli, atau surat keterangan tanah dari kelurahan.",
            ),
            req(
                "Titik koordinat dan foto lokasi", "Koordinat dari peta daring atau GPS beserta foto lokasi."
            ),
            req(
                "Rencana pemanfaatan",
                "Uraian singkat rencana kegiatan di lokasi.",
                kinds=PDF,
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Pemetaan lokasi pada peta RTRW dan RDTR", "officer", 2),
            step("Telaah teknis oleh tim penataan ruang", "technical_team", 3),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 1),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "KKPR-NONUSAHA",
        A,
        "bangunan-tata-ruang",
        "Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR) untuk Kegiatan Nonberusaha",
        "Spatial use conformity approval for non-business activities",
        is_permit=True,
        description=(
            "Persetujuan kesesuaian rencana kegiatan dengan rencana tata ruang untuk kegiatan nonberusaha, "
            "misalnya rumah ibadah, yayasan sosial, sekolah swasta nirlaba atau rumah tinggal di atas 1 hektare."
        ),
        keywords="kkpr pkkpr nonberusaha kesesuaian tata ruang rumah ibadah yayasan",
        days=20,
        product="Persetujuan KKPR nonberusaha yang memuat lokasi, luas, koefisien dan ketentuan pemanfaatan ruang.",
        procedure=(
            "Pemohon mengajukan melalui OSS RBA atau loket MPP. Forum Penataan Ruang menilai kesesuaian dan "
            "meninjau lokasi; persetujuan diterbitkan paling lama 20 hari kerja sejak berkas lengkap."
        ),
        legal_basis=f"{_TATA_RUANG_LAW}; {_DELEGATION}.",
        requirements=[
            req("KTP-el pemohon atau akta badan hukum", "Identitas pemohon perseorangan atau badan."),
            req("Bukti penguasaan tanah", "Sertifikat atau dokumen penguasaan tanah lainnya."),
            req(
                "Rencana kegiatan dan luas lahan",
                "Uraian kegiatan, kebutuhan luas lahan dan rencana teknis awal.",
                kinds=PDF,
            ),
            req(
                "Koordinat batas lokasi",
                "Koordinat poligon lokasi dalam format shapefile atau daftar koordinat.",
            ),
            req(
                "Pertimbangan teknis pertanahan",
                "Dari Kantor Pertanahan Kota Probolinggo bila dipersyaratkan.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Verifikasi administrasi dan pemetaan lokasi", "officer", 3),
            step("Penilaian dokumen dan peninjauan lokasi oleh Forum Penataan Ruang", "technical_team", 12),
            step("Penyusunan draf persetujuan KKPR", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
]

# --------------------------------------------------------------------------- trade, transport, education
_TRADE_LAW = (
    "UU 7/2014 tentang Perdagangan sebagaimana diubah dengan UU 6/2023; PP 29/2021 tentang Penyelenggaraan "
    f"Bidang Perdagangan; {_RBA_LAW}"
)
_EDU_LAW = (
    "UU 20/2003 tentang Sistem Pendidikan Nasional; PP 57/2021 tentang Standar Nasional Pendidikan "
    "sebagaimana diubah dengan PP 4/2022"
)

BUSINESS_SERVICES = [
    service(
        "IZIN-TOKO-MODERN",
        A,
        "perizinan-usaha",
        "Izin Usaha Toko Swalayan (Toko Modern)",
        "Business licence for modern retail stores",
        is_permit=True,
        description=(
            "Izin usaha bagi minimarket, supermarket dan toko swalayan lainnya, dengan memperhatikan jarak "
            "terhadap pasar rakyat dan kemitraan dengan UMKM setempat."
        ),
        keywords="izin toko modern minimarket swalayan supermarket iutm retail",
        days=14,
        product="Izin Usaha Toko Swalayan yang tercantum di OSS RBA.",
        procedure=(
            "Pelaku usaha mengajukan melalui OSS RBA; DPMPTSP memverifikasi persyaratan, DKUP melakukan kajian "
            "sosial ekonomi dan peninjauan lokasi, lalu izin diterbitkan atau ditolak dengan alasan tertulis."
        ),
        legal_basis=(
            f"{_TRADE_LAW}; Permendag 23/2021 tentang Pedoman Pengembangan, Penataan, dan Pembinaan Pusat "
            f"Perbelanjaan dan Toko Swalayan; {_DELEGATION}."
        ),
        requirements=[
            req("NIB dengan KBLI perdagangan eceran swalayan", "Nomor Induk Berusaha dari OSS RBA."),
            req("Persetujuan KKPR", "Konfirmasi atau persetujuan kesesuaian kegiatan pemanfaatan ruang."),
            req("PBG dan SLF bangunan", "Persetujuan bangunan gedung dan sertifikat laik fungsi."),
            req(
                "Hasil analisis kondisi sosial ekonomi masyarakat",
                "Termasuk keberadaan pasar rakyat dan UMKM di sekitar lokasi.",
                kinds=PDF,
            ),
            req("Rencana kemitraan dengan UMKM", "Surat pernyataan atau perjanjian kemitraan.", kinds=PDF),
            req("Denah lokasi dan tata letak toko", "Termasuk area parkir dan ruang usaha untuk UMKM."),
        ],
        steps=[
            step("Penerimaan berkas dan pemeriksaan NIB di OSS RBA", "front_office", 0),
            step("Verifikasi administrasi persyaratan", "officer", 2),
            step("Kajian sosial ekonomi dan peninjauan lokasi oleh DKUP", "technical_team", 8),
            step("Penyusunan draf izin", "officer", 1),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik dan notifikasi ke OSS RBA", "head", 1),
        ],
    ),
    service(
        "TDG",
        A,
        "perizinan-usaha",
        "Tanda Daftar Gudang (TDG)",
        "Warehouse registration certificate",
        is_permit=True,
        description="Tanda daftar bagi pemilik atau pengelola gudang penyimpanan barang perdagangan di Kota Probolinggo.",
        keywords="tdg tanda daftar gudang penyimpanan barang",
        days=5,
        product="Tanda Daftar Gudang yang tercantum di OSS RBA, berlaku selama gudang digunakan sesuai peruntukan.",
        procedure="Pemilik gudang mengajukan melalui OSS RBA; petugas memeriksa data gudang dan meninjau lokasi bila perlu, lalu TDG diterbitkan.",
        legal_basis=(
            f"{_TRADE_LAW}; Permendag 90/2014 tentang Penataan dan Pembinaan Gudang sebagaimana diubah dengan "
            f"Permendag 16/2016; {_DELEGATION}."
        ),
        requirements=[
            req("NIB", "Nomor Induk Berusaha pemilik atau pengelola gudang."),
            req("Bukti kepemilikan atau sewa gudang", "Sertifikat, akta jual beli atau perjanjian sewa."),
            req("Data gudang", "Luas, kapasitas, jenis gudang dan titik koordinat.", kinds=PDF),
            req("Foto gudang", "Foto tampak depan dan bagian dalam gudang.", kinds=PHOTO),
        ],
        steps=[
            step("Penerimaan berkas dan pemeriksaan NIB", "front_office", 0),
            step("Verifikasi data gudang", "officer", 1),
            step("Peninjauan lokasi gudang oleh tim teknis", "technical_team", 2),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 1),
            step("Penandatanganan elektronik dan notifikasi ke OSS RBA", "head", 1),
        ],
    ),
    service(
        "IZIN-TRAYEK",
        A,
        "transportasi",
        "Izin Penyelenggaraan Angkutan Orang dalam Trayek Perkotaan",
        "Route licence for urban public transport",
        is_permit=True,
        description="Izin bagi badan hukum angkutan umum untuk melayani trayek angkutan kota di wilayah Kota Probolinggo.",
        keywords="izin trayek angkot angkutan kota angkutan umum lyn",
        days=14,
        product="Keputusan izin penyelenggaraan angkutan dalam trayek beserta kartu pengawasan setiap kendaraan, berlaku 5 tahun.",
        procedure="Badan hukum angkutan mengajukan permohonan; Dinas Perhubungan mengkaji kebutuhan trayek dan kelaikan kendaraan, lalu DPMPTSP menerbitkan izin dan kartu pengawasan.",
        legal_basis=(
            "UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan; PP 74/2014 tentang Angkutan Jalan; Peraturan "
            "Menteri Perhubungan PM 15/2019 tentang Penyelenggaraan Angkutan Orang dengan Kendaraan Bermotor "
            f"Umum dalam Trayek; {_DELEGATION}."
        ),
        requirements=[
            req("NIB dan akta badan hukum angkutan", "Perseroan terbatas, koperasi atau BUMD angkutan."),
            req("STNK kendaraan", "Atas nama badan hukum pemohon."),
            req("Bukti lulus uji berkala (BLUe)", "Kartu uji elektronik yang masih berlaku."),
            req(
                "Surat pernyataan kesanggupan memenuhi standar pelayanan minimal",
                "Ditandatangani pimpinan badan hukum.",
                kinds=PDF,
            ),
            req("Bukti penguasaan pool dan garasi", "Sertifikat atau perjanjian sewa lokasi pool."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step(
                "Kajian kebutuhan trayek dan pemeriksaan kendaraan oleh Dinas Perhubungan",
                "technical_team",
                7,
            ),
            step("Penyusunan draf izin dan kartu pengawasan", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "IZIN-PAUD",
        A,
        "pendidikan",
        "Izin Pendirian Satuan Pendidikan Anak Usia Dini (TK, KB, TPA, SPS)",
        "Establishment permit for early childhood education units",
        is_permit=True,
        description="Izin pendirian taman kanak-kanak, kelompok bermain, taman penitipan anak dan satuan PAUD sejenis yang diselenggarakan masyarakat.",
        keywords="izin paud tk kelompok bermain kb tpa taman penitipan anak sps",
        days=14,
        product="Izin pendirian satuan PAUD yang menjadi dasar penerbitan NPSN.",
        procedure="Penyelenggara mengajukan permohonan; Dindikbud melakukan visitasi kelayakan, lalu DPMPTSP menerbitkan izin pendirian.",
        legal_basis=f"{_EDU_LAW}; Permendikbud 84/2014 tentang Pendirian Satuan Pendidikan Anak Usia Dini; {_DELEGATION}.",
        requirements=[
            req("Akta pendirian yayasan dan pengesahan Kemenkum", "Bagi penyelenggara berbadan hukum."),
            req(
                "Hasil studi kelayakan",
                "Meliputi data calon peserta didik dan satuan PAUD di sekitar lokasi.",
                kinds=PDF,
            ),
            req(
                "Kurikulum dan program pembelajaran", "Kurikulum satuan PAUD yang akan diterapkan.", kinds=PDF
            ),
            req("Data pendidik dan tenaga kependidikan", "Disertai ijazah dan KTP.", kinds=PDF),
            req("Bukti kepemilikan atau sewa gedung", "Paling singkat 5 tahun."),
            req(
                "Foto sarana dan prasarana",
                "Ruang kegiatan, alat permainan edukatif, toilet dan area bermain.",
                kinds=PHOTO,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Visitasi kelayakan oleh Dindikbud", "technical_team", 7),
            step("Penyusunan draf izin pendirian", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "IZIN-SEKOLAH",
        A,
        "pendidikan",
        "Izin Pendirian Sekolah Dasar dan Sekolah Menengah Pertama Swasta",
        "Establishment permit for private primary and junior secondary schools",
        is_permit=True,
        description="Izin pendirian SD dan SMP yang diselenggarakan yayasan atau badan hukum nirlaba di Kota Probolinggo.",
        keywords="izin pendirian sekolah sd smp swasta yayasan pendidikan",
        days=20,
        product="Izin pendirian sekolah yang menjadi dasar penerbitan NPSN dan pendataan di Dapodik.",
        procedure="Yayasan mengajukan permohonan disertai studi kelayakan; Dindikbud melakukan visitasi, lalu DPMPTSP menerbitkan izin atau penolakan tertulis.",
        legal_basis=(
            f"{_EDU_LAW}; Permendikbud 36/2014 tentang Pedoman Pendirian, Perubahan, dan Penutupan Satuan "
            f"Pendidikan Dasar dan Menengah; {_DELEGATION}."
        ),
        requirements=[
            req("Akta pendirian yayasan dan pengesahan Kemenkum", "Badan hukum penyelenggara pendidikan."),
            req(
                "Hasil studi kelayakan",
                "Analisis potensi peserta didik, sebaran sekolah dan daya dukung lingkungan.",
                kinds=PDF,
            ),
            req("Rencana induk pengembangan sekolah", "Paling sedikit untuk 5 tahun.", kinds=PDF),
            req(
                "Bukti kepemilikan tanah dan PBG",
                "Sertifikat tanah atas nama yayasan dan persetujuan bangunan gedung.",
            ),
            req("Data calon pendidik dan tenaga kependidikan", "Disertai kualifikasi akademik.", kinds=PDF),
            req("Rekomendasi dari Dindikbud", "Hasil verifikasi awal kelayakan.", mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Visitasi dan penilaian kelayakan oleh Dindikbud", "technical_team", 12),
            step("Penyusunan draf izin pendirian", "officer", 3),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "IZIN-LKP",
        A,
        "pendidikan",
        "Izin Pendirian Lembaga Kursus dan Pelatihan (LKP)",
        "Establishment permit for course and training institutions",
        is_permit=True,
        description="Izin pendirian lembaga kursus seperti kursus bahasa, komputer, menjahit, tata rias atau bimbingan belajar.",
        keywords="izin lkp kursus pelatihan bimbel lembaga kursus bahasa komputer",
        days=14,
        product="Izin pendirian LKP yang menjadi dasar penerbitan NPSN lembaga.",
        procedure="Penyelenggara mengajukan permohonan, Dindikbud melakukan visitasi program dan sarana, lalu DPMPTSP menerbitkan izin.",
        legal_basis=f"{_EDU_LAW}; Permendikbud 81/2013 tentang Pendirian Satuan Pendidikan Nonformal; {_DELEGATION}.",
        requirements=[
            req("Akta pendirian lembaga", "Akta notaris atau akta yayasan."),
            req("Kurikulum dan program kursus", "Termasuk standar kompetensi lulusan.", kinds=PDF),
            req(
                "Data pendidik dan tenaga kependidikan", "Disertai sertifikat kompetensi bila ada.", kinds=PDF
            ),
            req("Bukti kepemilikan atau sewa tempat", "Paling singkat 3 tahun."),
            req("Foto ruang belajar dan peralatan", "Ruang teori dan ruang praktik.", kinds=PHOTO),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan kelengkapan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Visitasi program dan sarana oleh Dindikbud", "technical_team", 7),
            step("Penyusunan draf izin", "officer", 2),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 2),
            step("Penandatanganan elektronik oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "NIB-OSS",
        A,
        "perizinan-usaha",
        "Pendampingan Penerbitan Nomor Induk Berusaha (NIB) melalui OSS RBA",
        "Assistance in obtaining a business identification number (NIB) through OSS",
        is_permit=True,
        description=(
            "Pendampingan bagi pelaku usaha, terutama usaha mikro dan kecil, untuk membuat akun OSS, memilih "
            "KBLI yang tepat dan menerbitkan NIB beserta sertifikat halal atau SPP-IRT bila diperlukan."
        ),
        keywords="nib oss rba izin usaha mikro umkm kbli nomor induk berusaha siup",
        days=1,
        product="NIB yang diterbitkan sistem OSS RBA, berlaku selama pelaku usaha menjalankan usahanya, beserta pernyataan mandiri sesuai tingkat risiko.",
        procedure="Petugas mendampingi pelaku usaha mengisi data di OSS RBA; NIB terbit otomatis untuk usaha berisiko rendah dan petugas menjelaskan kewajiban lanjutan untuk risiko lebih tinggi.",
        legal_basis=(
            f"{_RBA_LAW}; Peraturan BKPM 4/2021 tentang Pedoman dan Tata Cara Pelayanan Perizinan Berusaha "
            "Berbasis Risiko dan Fasilitas Penanaman Modal."
        ),
        requirements=[
            req("KTP-el pemilik usaha", "NIK harus sudah terdaftar di Dispendukcapil."),
            req("Alamat email dan nomor telepon aktif", "Untuk pembuatan akun OSS.", kinds=PDF),
            req(
                "Akta pendirian dan SK Kemenkum", "Bagi pelaku usaha berbentuk badan usaha.", mandatory=False
            ),
        ],
        steps=[
            step("Pendampingan pembuatan akun dan pengisian data usaha", "front_office", 0),
            step("Pemeriksaan KBLI, lokasi dan tingkat risiko usaha", "officer", 1),
            step("Pencetakan NIB dan penjelasan kewajiban lanjutan", "front_office", 0),
        ],
    ),
    service(
        "SS-PARIWISATA",
        A,
        "perizinan-usaha",
        "Verifikasi Sertifikat Standar Usaha Pariwisata",
        "Verification of tourism business standard certificates",
        is_permit=True,
        description="Verifikasi pemenuhan standar usaha pariwisata berisiko menengah seperti hotel, homestay, restoran, kafe dan usaha hiburan.",
        keywords="izin hotel restoran kafe homestay pariwisata sertifikat standar tdup",
        days=5,
        product="Sertifikat standar usaha pariwisata terverifikasi yang tercantum di OSS RBA.",
        procedure="Pelaku usaha mengisi pernyataan pemenuhan standar di OSS RBA; tim teknis pariwisata memverifikasi dokumen dan lokasi, lalu sertifikat standar dinyatakan terverifikasi.",
        legal_basis=(
            f"UU 10/2009 tentang Kepariwisataan; {_RBA_LAW}; Peraturan Menteri Pariwisata dan Ekonomi "
            "Kreatif 4/2021 tentang Standar Kegiatan Usaha pada Penyelenggaraan Perizinan Berusaha Berbasis "
            f"Risiko Sektor Pariwisata; {_DELEGATION}."
        ),
        requirements=[
            req("NIB dengan KBLI pariwisata", "Nomor Induk Berusaha dari OSS RBA."),
            req(
                "Dokumen pemenuhan standar usaha", "Sesuai daftar periksa standar usaha pada OSS.", kinds=PDF
            ),
            req("Foto sarana usaha", "Tampak depan, ruang layanan, dapur atau kamar.", kinds=PHOTO),
            req("SLHS", "Untuk usaha restoran, kafe dan jasa boga.", mandatory=False),
        ],
        steps=[
            step("Penerimaan berkas dan pemeriksaan NIB", "front_office", 0),
            step("Verifikasi dokumen pemenuhan standar", "officer", 1),
            step("Peninjauan lokasi usaha oleh tim teknis pariwisata", "technical_team", 2),
            step("Pemeriksaan oleh Kepala Bidang Pelayanan Perizinan", "supervisor", 1),
            step("Persetujuan verifikasi di OSS RBA oleh Kepala DPMPTSP", "head", 1),
        ],
    ),
    service(
        "LKPM",
        A,
        "perizinan-usaha",
        "Pendampingan Laporan Kegiatan Penanaman Modal (LKPM)",
        "Assistance with investment activity reports (LKPM)",
        is_permit=False,
        description="Pendampingan pelaku usaha menyampaikan laporan kegiatan penanaman modal triwulanan atau semesteran melalui OSS RBA.",
        keywords="lkpm laporan kegiatan penanaman modal investasi triwulan",
        days=1,
        product="Bukti penyampaian LKPM dari sistem OSS RBA.",
        procedure="Petugas mendampingi pengisian realisasi investasi dan tenaga kerja di OSS RBA, lalu memeriksa laporan sebelum dikirim.",
        legal_basis=(
            f"{_RBA_LAW}; Peraturan BKPM 5/2021 tentang Pedoman dan Tata Cara Pengawasan Perizinan Berusaha "
            "Berbasis Risiko."
        ),
        requirements=[
            req("Akun OSS RBA pelaku usaha", "Hak akses atau kehadiran penanggung jawab usaha.", kinds=PDF),
            req(
                "Data realisasi investasi dan tenaga kerja",
                "Untuk periode laporan yang bersangkutan.",
                kinds=PDF,
            ),
        ],
        steps=[
            step("Penerimaan dan pendampingan pengisian LKPM", "front_office", 0),
            step("Pemeriksaan kewajaran data LKPM", "officer", 1),
            step("Penyerahan bukti penyampaian LKPM", "front_office", 0),
        ],
    ),
    service(
        "LEGALISIR-IZIN",
        A,
        "perizinan-usaha",
        "Legalisasi Salinan Dokumen Perizinan",
        "Certified copies of licensing documents",
        is_permit=False,
        description="Pengesahan salinan izin dan nonizin yang pernah diterbitkan DPMPTSP Kota Probolinggo untuk keperluan tender, perbankan atau administrasi lain.",
        keywords="legalisir legalisasi izin fotokopi izin salinan sah",
        days=1,
        product="Salinan dokumen perizinan yang dilegalisasi dengan cap dan paraf pejabat berwenang.",
        procedure="Pemohon menyerahkan dokumen asli dan salinannya; petugas mencocokkan dengan arsip, lalu salinan disahkan.",
        legal_basis=f"UU 25/2009 tentang Pelayanan Publik; UU 30/2014 tentang Administrasi Pemerintahan; {_DELEGATION}.",
        requirements=[
            req("Dokumen izin asli", "Ditunjukkan kepada petugas untuk dicocokkan."),
            req("Salinan dokumen izin", "Paling banyak 10 lembar per permohonan.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dokumen asli dan salinan", "front_office", 0),
            step("Pencocokan dengan arsip perizinan", "officer", 0),
            step("Pengesahan salinan oleh Kepala Bidang", "supervisor", 1),
            step("Penyerahan salinan yang telah dilegalisasi", "front_office", 0),
        ],
    ),
    service(
        "KONSULTASI-IZIN",
        A,
        "perizinan-usaha",
        "Konsultasi Perizinan dan Informasi Investasi",
        "Licensing consultation and investment information",
        is_permit=False,
        description=(
            "Layanan tanya jawab tentang jenis izin yang dibutuhkan, persyaratan, tingkat risiko usaha dan "
            "potensi investasi Kota Probolinggo, termasuk melalui BIGGOS."
        ),
        keywords="konsultasi izin informasi perizinan investasi biggos tanya izin",
        days=1,
        product="Penjelasan lisan atau tertulis dan daftar periksa perizinan yang dibutuhkan pemohon.",
        procedure="Pemohon datang ke loket konsultasi atau mengirim pertanyaan daring; pertanyaan yang memerlukan telaah dijawab tertulis paling lama 1 hari kerja.",
        legal_basis=f"UU 25/2009 tentang Pelayanan Publik; {_RBA_LAW}.",
        requirements=[
            req("Identitas pemohon", "KTP-el atau kartu identitas lain.", kinds=SCAN),
            req(
                "Uraian rencana usaha atau kegiatan",
                "Jenis usaha, lokasi dan skala usaha.",
                kinds=PDF,
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan pertanyaan dan pencatatan", "front_office", 0),
            step("Telaah dan penyusunan jawaban", "officer", 1),
            step("Penyampaian jawaban kepada pemohon", "front_office", 0),
        ],
    ),
]

SERVICES: list[dict] = (
    SIP_SERVICES + FACILITY_SERVICES + OTHER_HEALTH_SERVICES + SPATIAL_SERVICES + BUSINESS_SERVICES
)
